import { describe, expect, it } from "vitest";
import { duckdbTypeOfHive } from "../../../pipeline/catalog/hive-types";

describe("duckdbTypeOfHive", () => {
  it("spells Glue's primitive and nested types as DuckDB's, field names quoted", () => {
    expect(duckdbTypeOfHive("string")).toBe("VARCHAR");
    expect(duckdbTypeOfHive("bigint")).toBe("BIGINT");
    expect(duckdbTypeOfHive("decimal(12, 2)")).toBe("DECIMAL(12,2)");
    expect(duckdbTypeOfHive("array<int>")).toBe("INTEGER[]");
    expect(duckdbTypeOfHive("map<string,array<double>>")).toBe("MAP(VARCHAR, DOUBLE[])");
    expect(
      duckdbTypeOfHive("struct<cast:array<struct<id:bigint,order:int>>,crew:array<struct<name:string>>>"),
    ).toBe('STRUCT("cast" STRUCT("id" BIGINT, "order" INTEGER)[], "crew" STRUCT("name" VARCHAR)[])');
  });

  it("refuses what is not a Glue type, naming why", () => {
    expect(() => duckdbTypeOfHive("struct<id bigint>")).toThrow(/":" expected/);
    expect(() => duckdbTypeOfHive("array<int")).toThrow(/ends too early/);
    expect(() => duckdbTypeOfHive("int int")).toThrow(/text after the type/);
    expect(() => duckdbTypeOfHive("uuid")).toThrow(/unknown type uuid/);
    expect(() => duckdbTypeOfHive("string; DROP")).toThrow(/unexpected characters/);
  });
});
