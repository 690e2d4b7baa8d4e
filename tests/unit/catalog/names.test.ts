import { describe, expect, it } from "vitest";
import { tableFolder } from "../../../pipeline/catalog";

describe("tableFolder", () => {
  it("ends a location with exactly one /", () => {
    expect(tableFolder("Trusted/Local/Parquet/movies")).toBe("Trusted/Local/Parquet/movies/");
    expect(tableFolder("Trusted/Local/Parquet/movies/")).toBe("Trusted/Local/Parquet/movies/");
  });

  it("refuses folders outside the lake and glob characters, saying why", () => {
    expect(() => tableFolder("../x/")).toThrow(/"\.\." segment/);
    expect(() => tableFolder("Trusted/movies?/")).toThrow(/glob character/);
    expect(() => tableFolder("")).toThrow(/is empty/);
  });
});
