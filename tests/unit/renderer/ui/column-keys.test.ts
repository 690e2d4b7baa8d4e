import { describe, expect, it } from "vitest";
import { columnsWithKeys } from "../../../../renderer/src/ui/catalog-table/column-keys";
import { fillMessage } from "../../../../renderer/src/ui/catalog-table/fill-message";

describe("columnsWithKeys", () => {
  it("marks the primary key, partitions (last, as Hive lists them) and pairs composite foreign keys by position", () => {
    const columns = columnsWithKeys({
      columns: [
        { name: "title_key", type: "BIGINT" },
        { name: "person_key", type: "BIGINT" },
        { name: "role", type: "VARCHAR" },
      ],
      partitionKeys: [{ name: "dt", type: "DATE" }],
      primaryKey: ["title_key", "person_key", "role"],
      foreignKeys: [
        { columns: ["title_key"], references: { table: "refined.dim_title", columns: ["title_key"] } },
        {
          columns: ["person_key", "role"],
          references: { table: "refined.dim_credit", columns: ["credit_person", "credit_role"] },
        },
      ],
    });
    expect(columns.map((c) => [c.name, c.keys])).toEqual([
      [
        "title_key",
        {
          primary: true,
          partition: false,
          references: [{ table: "refined.dim_title", column: "title_key" }],
        },
      ],
      [
        "person_key",
        {
          primary: true,
          partition: false,
          references: [{ table: "refined.dim_credit", column: "credit_person" }],
        },
      ],
      [
        "role",
        {
          primary: true,
          partition: false,
          references: [{ table: "refined.dim_credit", column: "credit_role" }],
        },
      ],
      ["dt", { primary: false, partition: true, references: [] }],
    ]);
  });

  it("gives a table without keys plain columns", () => {
    expect(columnsWithKeys({ columns: [{ name: "id", type: "VARCHAR" }] })).toEqual([
      { name: "id", type: "VARCHAR", keys: { primary: false, partition: false, references: [] } },
    ]);
  });
});

describe("fillMessage", () => {
  it("puts elements in a template's slots, in the language's own word order", () => {
    expect(fillMessage("Lido de {inputs}.", { inputs: "raw.movies" })).toEqual([
      "Lido de ",
      expect.objectContaining({ props: { children: "raw.movies" } }),
      ".",
    ]);
  });
});
