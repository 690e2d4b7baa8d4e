import { describe, expect, it } from "vitest";
import { hiveType } from "../../../pipeline/contract/glue-types";

/** Lake tables' column types as students meet them on AWS (Glue, Athena, Spark), from DuckDB's names. */
describe("DuckDB column types as Spark/Glue spell them", () => {
  it("maps scalars, lists, structs and maps; Hive names pass through", () => {
    expect(hiveType("VARCHAR")).toBe("string");
    expect(hiveType("BIGINT")).toBe("bigint");
    expect(hiveType("DOUBLE")).toBe("double");
    expect(hiveType("VARCHAR[]")).toBe("array<string>");
    expect(hiveType("DECIMAL(18,2)")).toBe("decimal(18,2)");
    expect(hiveType("STRUCT(id INTEGER, name VARCHAR, tags VARCHAR[])")).toBe(
      "struct<id:int,name:string,tags:array<string>>",
    );
    expect(hiveType("MAP(VARCHAR, BIGINT)")).toBe("map<string,bigint>");
    expect(hiveType("array<string>")).toBe("array<string>");
  });
});
