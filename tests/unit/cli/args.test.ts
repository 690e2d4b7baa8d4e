import { describe, expect, it } from "vitest";
import { portNumber, UsageError } from "../../../pipeline/cli/args";

describe("portNumber", () => {
  it("takes 0 (any free port) up to 65535, and nothing as no choice", () => {
    expect(portNumber("serve", "--port", "0")).toBe(0);
    expect(portNumber("serve", "--port", "8080")).toBe(8080);
    expect(portNumber("serve", "--port", "65535")).toBe(65535);
    expect(portNumber("serve", "--port", undefined)).toBeUndefined();
  });

  it.each(["65536", "-1", "1.5", "", "http"])("refuses %j as a usage error", (value) => {
    expect(() => portNumber("serve", "--port", value)).toThrow(UsageError);
    expect(() => portNumber("serve", "--port", value)).toThrow(/0 to 65535/);
  });
});
