import { readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtDemoCopy, editCatalog, expectFailing, onlyFile, rewriteParquet, rule } from "./built-demo";

/** Stage 3's rules (TRUSTED Parquet, the REFINED model), each failing on a sabotaged copy of the demo run. */
const demo = builtDemoCopy();

describe("stage 3 rules on a sabotaged lake", () => {
  it("fails trusted.null-marker and trusted.numbers-typed when \\N and numbers stay text", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Trusted/Local/Parquet/movies"), ".parquet");
      await rewriteParquet(
        file,
        (t) =>
          `SELECT * REPLACE (coalesce(personagem, '\\N') AS personagem, CAST(ano_lancamento AS VARCHAR) AS ano_lancamento) FROM ${t}`,
      );
      await editCatalog(lake, "trusted.movies", (entry) => {
        for (const column of entry.columns as { name: string; type: string }[]) {
          if (column.name === "ano_lancamento") column.type = "VARCHAR";
        }
      });
    }, 3);
    expectFailing(result, ["trusted.numbers-typed", "trusted.null-marker"]);
    expect(rule(result, "trusted.null-marker").evidence[0]).toMatch(
      /^trusted\.movies\.personagem: [\d,]+ rows hold the text \\N$/,
    );
    expect(rule(result, "trusted.numbers-typed").evidence[0]).toMatch(
      /trusted\.movies\.ano_lancamento is VARCHAR but all/,
    );
    expect(rule(result, "trusted.null-marker").cellId).toBe("trusted_movies");
  });

  it("fails trusted.budget-unknown when TMDB's 0 budget is kept as a value", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Trusted/TMDB/Parquet/tmdb_movies"), ".parquet");
      // The cell's nullif(budget, 0) undone for every third title: the raw 0 stays a value.
      await rewriteParquet(
        file,
        (t) => `SELECT * REPLACE (CASE WHEN tmdb_id % 3 = 0 THEN 0 ELSE budget END AS budget) FROM ${t}`,
      );
    }, 3);
    expectFailing(result, ["trusted.budget-unknown"]);
    expect(rule(result, "trusted.budget-unknown").evidence[0]).toMatch(
      /trusted\.tmdb_movies\.budget: [\d,]+ rows equal 0/,
    );
    expect(rule(result, "trusted.budget-unknown").hint).toContain("nullif(budget, 0)");
  });

  it("fails trusted.parquet and trusted.tmdb-dt for a CSV in TRUSTED and an unpartitioned TMDB file", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const table = path.join(lake, "Trusted/TMDB/Parquet/tmdb_series");
      const partition = (await readdir(table)).find((f) => f.startsWith("dt=")) ?? "";
      await rename(path.join(table, partition), path.join(table, partition.slice(3)));
      await writeFile(path.join(lake, "Trusted/Local/Parquet/movies/extra.csv"), "a|b\n");
    }, 3);
    expect(rule(result, "trusted.parquet").pass).toBe(false);
    expect(rule(result, "trusted.parquet").evidence).toContain(
      "Trusted/Local/Parquet/movies/extra.csv is not a Parquet file",
    );
    expect(rule(result, "trusted.tmdb-dt").pass).toBe(false);
    expect(rule(result, "trusted.tmdb-dt").evidence).toContainEqual(
      expect.stringMatching(
        /^Trusted\/TMDB\/Parquet\/tmdb_series\/\d{4}-\d{2}-\d{2}\/part-0\.parquet is not inside a dt=YYYY-MM-DD\/ folder$/,
      ),
    );
  });

  it("fails refined.primary-keys for a duplicated dimension key", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Refined/dim_subgenre"), ".parquet");
      await rewriteParquet(file, (t) => `SELECT * FROM ${t} UNION ALL (SELECT * FROM ${t} LIMIT 1)`);
    }, 3);
    expectFailing(result, ["refined.primary-keys"]);
    expect(rule(result, "refined.primary-keys").evidence).toEqual([
      "refined.dim_subgenre (subgenre_key): 16 rows, 1 duplicated key, 0 NULL keys",
    ]);
    expect(rule(result, "refined.primary-keys").cellId).toBe("dim_subgenre");
  });

  it("fails refined.foreign-keys for a fact whose date is missing from dim_date", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Refined/dim_date"), ".parquet");
      await rewriteParquet(file, (t) => `SELECT * FROM ${t} ORDER BY date_key OFFSET 1`);
    }, 3);
    expectFailing(result, ["refined.foreign-keys"]);
    expect(rule(result, "refined.foreign-keys").evidence).toContainEqual(
      expect.stringMatching(
        /^refined\.fact_title_rating \(release_date_key\) → refined\.dim_date \(date_key\): [1-9][\d,]* orphan rows?$/,
      ),
    );
    expect(rule(result, "refined.foreign-keys").hint).toContain("imdb_id");
  });

  it("fails refined.per-title for a fact whose votes were summed once per artist", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const fact = await onlyFile(path.join(lake, "Refined/fact_title_rating"), ".parquet");
      const dim = await onlyFile(path.join(lake, "Refined/dim_title"), ".parquet");
      const movies = await onlyFile(path.join(lake, "Trusted/Local/Parquet/movies"), ".parquet");
      await rewriteParquet(
        fact,
        (
          t,
        ) => `SELECT f.* REPLACE (coalesce(CAST(f.imdb_votes * a.artists AS BIGINT), f.imdb_votes) AS imdb_votes)
          FROM ${t} AS f JOIN read_parquet('${dim}') AS d ON d.title_key = f.title_key
          LEFT JOIN (SELECT imdb_id, count(*) AS artists FROM read_parquet('${movies}') GROUP BY imdb_id) AS a
            ON a.imdb_id = d.imdb_id`,
      );
    }, 3);
    expectFailing(result, ["refined.per-title"]);
    expect(rule(result, "refined.per-title").evidence).toContainEqual(
      expect.stringMatching(
        /^refined\.fact_title_rating\.imdb_votes = trusted\.movies\.numero_votos × rows per title for [\d,]+ titles of [\d,]+ with several artists$/,
      ),
    );
    expect(rule(result, "refined.per-title").hint).toContain("one row per credited artist");
    expect(rule(result, "refined.per-title").cellId).toBe("fact_title_rating");
  });

  it("fails refined.per-title when the fact keeps a row per artist", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const fact = await onlyFile(path.join(lake, "Refined/fact_title_rating"), ".parquet");
      await rewriteParquet(fact, (t) => `SELECT * FROM ${t} UNION ALL (SELECT * FROM ${t} LIMIT 10)`);
    }, 3);
    expectFailing(result, ["refined.primary-keys", "refined.per-title"]);
    expect(rule(result, "refined.per-title").evidence[0]).toBe(
      "refined.fact_title_rating: 394 rows for 384 distinct titles (title_key)",
    );
  });

  it("fails refined.genre-fan-out when a title counts once per subgenre", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const bridge = await onlyFile(path.join(lake, "Refined/bridge_title_subgenre"), ".parquet");
      await rewriteParquet(bridge, (t) => `SELECT * REPLACE (CAST(1 AS DOUBLE) AS weight) FROM ${t}`);
    }, 3);
    expectFailing(result, ["refined.genre-fan-out"]);
    expect(rule(result, "refined.genre-fan-out").evidence[0]).toMatch(
      /^refined\.bridge_title_subgenre: weight sums to 1 for [\d,]+ titles, not for [1-9][\d,]*$/,
    );
  });

  it("fails refined.model and refined.keys-declared when the catalog loses roles and keys", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      for (const table of ["refined.dim_date", "refined.dim_person", "refined.dim_subgenre"]) {
        await editCatalog(lake, table, (entry) => {
          delete entry.role;
          delete entry.primaryKey;
        });
      }
    }, 3);
    expectFailing(result, ["refined.model", "refined.keys-declared"]);
    expect(rule(result, "refined.model").evidence).toContain("dimensions: refined.dim_title");
    expect(rule(result, "refined.keys-declared").evidence).toContain("refined.dim_date: no role, primaryKey");
  });
});
