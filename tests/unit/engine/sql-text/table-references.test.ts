import { describe, expect, it } from "vitest";
import { tableReferences } from "../../../../pipeline/engine";

describe("tables a SQL cell reads and writes", () => {
  it("finds qualified reads in FROM and JOIN", () => {
    expect(
      tableReferences(`SELECT subgenre FROM refined.fact_title_rating f
        JOIN refined.bridge_title_subgenre b USING (title_key) LEFT JOIN "Refined"."Dim_Subgenre" d ON true`),
    ).toEqual({
      reads: ["refined.bridge_title_subgenre", "refined.dim_subgenre", "refined.fact_title_rating"],
      writes: [],
    });
  });

  it("finds writes and does not count them as reads", () => {
    expect(tableReferences("CREATE OR REPLACE TABLE refined.top AS SELECT * FROM trusted.movies")).toEqual({
      reads: ["trusted.movies"],
      writes: ["refined.top"],
    });
    expect(tableReferences("INSERT INTO t SELECT 1; CREATE VIEW IF NOT EXISTS v AS SELECT * FROM t")).toEqual(
      {
        reads: [],
        writes: ["t", "v"],
      },
    );
  });

  it("ignores CTE names, table functions, comments and strings", () => {
    expect(
      tableReferences(`-- FROM commented.out
        WITH horror AS (SELECT * FROM trusted.movies), votes AS MATERIALIZED (SELECT * FROM horror)
        SELECT 'FROM quoted.text' AS s, * FROM votes, read_csv('x.csv') JOIN range(10) ON true /* JOIN c.d */`),
    ).toEqual({ reads: ["trusted.movies"], writes: [] });
  });
});
