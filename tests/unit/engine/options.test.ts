import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { duckdbConfig } from "../../../pipeline/engine/options";

describe("duckdbConfig", () => {
  it("defaults to 2GB, min(4, cores) threads and a private temp folder", () => {
    const config = duckdbConfig({});
    expect(config.memory_limit).toBe("2GB");
    expect(config.threads).toBe(String(Math.min(4, availableParallelism())));
    expect(config.temp_directory).toMatch(/lakebook-duckdb-\d+-\d+$/);
    expect(config.errors_as_json).toBe("true");
  });

  it("passes the options through", () => {
    expect(duckdbConfig({ memoryLimit: "512MB", threads: 1, tempDirectory: "/tmp/x" })).toMatchObject({
      memory_limit: "512MB",
      threads: "1",
      temp_directory: "/tmp/x",
    });
  });

  it("gives every engine its own temp folder", () => {
    expect(duckdbConfig({}).temp_directory).not.toBe(duckdbConfig({}).temp_directory);
  });
});
