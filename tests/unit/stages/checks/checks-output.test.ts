import { describe, expect, it } from "vitest";
import { ChecksOutputSchema } from "../../../../pipeline/contract";
import { checksOutput } from "../../../../pipeline/stages/checks/checks-output";
import type { CheckResult } from "../../../../pipeline/stages/checks/run-checks";

const result = (over: Partial<CheckResult> & Pick<CheckResult, "kind" | "check" | "table">): CheckResult => ({
  params: {},
  status: "pass",
  failing: 0,
  samples: [],
  sql: "SELECT 1",
  ...over,
});

describe("checksOutput", () => {
  const results: CheckResult[] = [
    result({
      kind: "not_null",
      check: "title_id is not null",
      table: "refined.fact",
      params: { column: "title_id" },
    }),
    result({ kind: "row_count", check: "row count ≥ 10", table: "refined.dim", params: { min: 10 } }),
    result({
      kind: "unique",
      check: "(title_id, genre_id) is unique",
      table: "refined.fact",
      params: { columns: "(title_id, genre_id)" },
      status: "fail",
      failing: 6,
      // Rows as the engine gives them: a column missing from one row is shown empty, not dropped.
      samples: [
        { title_id: "tt1", genre_id: 2, rows: 4 },
        { title_id: "tt2", rows: 2 },
      ],
    }),
  ];

  it("gathers the checks per table in the cell's order, samples as columns and rows", () => {
    const output = checksOutput(results, "local");
    expect(ChecksOutputSchema.parse(output)).toEqual(output);
    expect(output.tables.map((t) => t.table)).toEqual(["refined.fact", "refined.dim"]);
    expect(output.tables[0]?.checks.map((c) => c.kind)).toEqual(["not_null", "unique"]);
    expect(output.tables[0]?.checks[1]).toMatchObject({
      status: "fail",
      failing: 6,
      params: { columns: "(title_id, genre_id)" },
      samples: {
        columns: ["title_id", "genre_id", "rows"],
        rows: [
          ["tt1", 2, 4],
          ["tt2", null, 2],
        ],
      },
    });
    expect(output.report).toContain("FAIL  (title_id, genre_id) is unique — 6 failing rows");
  });

  it("says a row count out of range as the table's rows, not as a sample row", () => {
    const [outOfRange] =
      checksOutput(
        [
          result({
            kind: "row_count",
            check: "row count ≥ 10",
            table: "refined.dim",
            params: { min: 10 },
            status: "fail",
            failing: 1,
            samples: [{ rows: 3 }],
          }),
        ],
        "athena",
      ).tables[0]?.checks ?? [];
    expect(outOfRange).toMatchObject({ tableRows: 3, samples: { columns: [], rows: [] } });
  });

  it("keeps why a check could not run", () => {
    const output = checksOutput(
      [
        result({
          kind: "not_null",
          check: "nope is not null",
          table: "refined.fact",
          status: "error",
          error: { code: "SQL_BINDER", message: 'Column "nope" not found', hint: "Check the column name" },
        }),
      ],
      "local",
    );
    expect(output.tables[0]?.checks[0]?.error).toEqual({
      code: "SQL_BINDER",
      message: 'Column "nope" not found',
      hint: "Check the column name",
    });
  });
});
