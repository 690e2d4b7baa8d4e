import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LakebookError, MalformedRows, TransformOutput } from "../../../../pipeline/contract";
import type { Cell } from "../../../../pipeline/document";
import { resolveInputs, transformStage } from "../../../../pipeline/stages/transform";
import { malformedNote } from "../../../../pipeline/stages/transform/transform-report";
import { type IngestBench, ingestBench } from "../ingest/helpers";

/**
 * A ragged RAW CSV (an extra file ingested by mistake, rows of 17 fields among rows of 4) is read
 * with Spark's CSV modes: PERMISSIVE keeps such rows (extra fields dropped, missing ones NULL),
 * DROPMALFORMED skips them, FAILFAST stops naming the file and line; each says how many there were.
 */
let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  const folder = path.join(bench.lakeRoot, "Raw/Local/CSV/Movies/2026/11/25");
  await mkdir(folder, { recursive: true });
  const header = "id|tituloPincipal|anoLancamento|notaMedia";
  await writeFile(path.join(folder, "movies.csv"), `${header}\ntt1|Alien|1979|8.5\ntt2|Jaws|1975|8.1\n`);
  const wide = Array.from({ length: 17 }, (_, index) => `f${index}`).join("|");
  await writeFile(path.join(folder, "movies-extra.csv"), `${header}\ntt3|Us|2019|6.8\n${wide}\ntt4|Nope\n`);
  await bench.catalog.put({
    database: "raw",
    name: "movies",
    zone: "raw",
    location: "Raw/Local/CSV/Movies/",
    format: "csv",
    columns: [],
    rows: null,
    producedBy: { cell: "ingest_movies", inputs: ["data/movies.csv"] },
  });
});
afterEach(async () => {
  await bench.close();
});

const cell = (input: string): Cell => ({
  id: "trusted_movies",
  kind: "transform",
  attrs: [],
  source: `-- output: trusted.movies\n-- inputs:\n--   raw_movies: ${input}\nSELECT id, tituloPincipal AS title, notaMedia FROM raw_movies`,
});
const run = (input: string) => transformStage.run(cell(input), bench.context());
const rows = async () =>
  (await bench.engine.query("SELECT * FROM trusted.movies ORDER BY id")).rows.map((row) => row.id);

describe("a ragged RAW CSV read as Spark reads it", () => {
  it("PERMISSIVE (the default) keeps the rows, extra fields dropped and missing ones NULL, and counts them", async () => {
    const outcome = await run("raw.movies");
    expect(await rows()).toEqual(["f0", "tt1", "tt2", "tt3", "tt4"]);
    const nope = await bench.engine.query("SELECT title, notaMedia FROM trusted.movies WHERE id = 'tt4'");
    expect(nope.rows).toEqual([{ title: "Nope", notaMedia: null }]);
    expect(outcome.summary).toContain("2 malformed rows read (PERMISSIVE)");
    const output = outcome.output as TransformOutput;
    expect(output.malformed).toEqual([
      {
        input: "raw_movies",
        mode: "PERMISSIVE",
        rows: 2,
        files: [{ file: "Raw/Local/CSV/Movies/2026/11/25/movies-extra.csv", rows: 2 }],
        first: { file: "Raw/Local/CSV/Movies/2026/11/25/movies-extra.csv", line: 3, fields: 17 },
      },
    ]);
    expect(malformedNote(output.malformed?.[0] as MalformedRows)).toContain(
      "movies-extra.csv, line 3 (17 fields)",
    );
  });

  it("DROPMALFORMED skips them and says how many", async () => {
    const outcome = await run("{ table: raw.movies, options: { mode: DROPMALFORMED } }");
    expect(await rows()).toEqual(["tt1", "tt2", "tt3"]);
    expect(outcome.summary).toContain("2 malformed rows skipped (DROPMALFORMED)");
  });

  it("FAILFAST stops before writing, naming the lake file and line, never the machine's folders", async () => {
    const error = (await run("{ table: raw.movies, options: { mode: failfast } }").catch(
      (thrown: unknown) => thrown,
    )) as LakebookError;
    expect(error.code).toBe("TRANSFORM_CSV_MALFORMED");
    expect(error.message).toContain("Raw/Local/CSV/Movies/2026/11/25/movies-extra.csv, line 3 has 17 fields");
    expect(error.message).not.toContain(bench.dir);
    expect(await bench.catalog.get("trusted", "movies")).toBeUndefined();
  });

  it("refuses a mode Spark does not know", async () => {
    const error = (await run("{ table: raw.movies, options: { mode: LENIENT } }").catch(
      (thrown: unknown) => thrown,
    )) as LakebookError;
    expect(error.code).toBe("TRANSFORM_OPTION_INVALID");
  });

  it("gives the same mode to the Glue job: its spec's reader options are these", async () => {
    const inputs = await resolveInputs(
      { raw_movies: { kind: "table", table: "raw.movies", options: { mode: "DROPMALFORMED" } } },
      bench.catalog,
      "trusted_movies",
    );
    expect(inputs[0]?.options).toEqual({
      sep: "|",
      header: "true",
      nullValue: "\\N",
      quote: '"',
      escape: '"',
      mode: "DROPMALFORMED",
    });
  });

  it("a file without malformed rows reports none", async () => {
    const source = `-- output: trusted.clean\n-- inputs:\n--   m: { path: Raw/Local/CSV/Movies/2026/11/25/movies.csv, format: csv, options: { sep: "|", header: "true" } }\nSELECT * FROM m`;
    const outcome = await transformStage.run(
      { id: "c", kind: "transform", attrs: [], source },
      bench.context(),
    );
    expect(outcome.summary).toBe("trusted.clean: 2 rows × 4 columns");
    expect((outcome.output as TransformOutput).malformed).toBeUndefined();
  });
});
