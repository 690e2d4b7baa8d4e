import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LakebookError } from "../../../../pipeline/contract";
import { Engine } from "../../../../pipeline/engine";
import { checksStage } from "../../../../pipeline/stages/checks";
import type { StageContext } from "../../../../pipeline/stages/stage";

/** The check cell proposed for the demo notebook's REFINED model (assets/demo/horror-subgenres.lakebook.md). */
const DEMO_MODEL_CHECKS = `checks:
  - table: refined.dim_title
    notNull: [title_key, imdb_id, title]
    unique: [title_key, imdb_id]
    acceptedValues: [{column: kind, values: [movie, series]}]
    rowCount: {min: 1}
  - table: refined.dim_date
    unique: [date_key]
  - table: refined.dim_subgenre
    unique: [subgenre_key, subgenre]
  - table: refined.dim_person
    unique: [person_key]
    acceptedValues: [{column: gender, values: [female, male, non-binary, unknown]}]
  - table: refined.bridge_title_subgenre
    unique: [[title_key, subgenre_key]]
    references:
      - {columns: [title_key], table: refined.dim_title, refColumns: [title_key]}
      - {columns: [subgenre_key], table: refined.dim_subgenre, refColumns: [subgenre_key]}
  - table: refined.bridge_title_person
    unique: [[title_key, person_key, role]]
    acceptedValues: [{column: role, values: [cast, director]}]
    references:
      - {columns: [title_key], table: refined.dim_title, refColumns: [title_key]}
      - {columns: [person_key], table: refined.dim_person, refColumns: [person_key]}
  - table: refined.fact_title_rating
    notNull: [title_key]
    unique: [title_key]
    rowCount: {min: 1}
    references:
      - {columns: [title_key], table: refined.dim_title, refColumns: [title_key]}
      - {columns: [release_date_key], table: refined.dim_date, refColumns: [date_key]}
`;

let engine: Engine;
const cell = { id: "model_checks", kind: "check", attrs: [], source: DEMO_MODEL_CHECKS };
const context = () =>
  ({
    target: { kind: "local" },
    engine,
    signal: new AbortController().signal,
    log: () => {},
    progress: () => {},
  }) as unknown as StageContext;

beforeAll(async () => {
  engine = await Engine.open({ threads: 1, memoryLimit: "512MB" });
  // The demo model's shapes, a few rows each (the columns the checks read).
  await engine.run(`
    CREATE SCHEMA refined;
    CREATE TABLE refined.dim_title AS SELECT * FROM (VALUES
      (1, 'tt0000001', 'Alien', 'movie', 19790525), (2, 'tt0000002', 'Twin Peaks', 'series', 19900408)
    ) t(title_key, imdb_id, title, kind, release_date_key);
    CREATE TABLE refined.dim_date AS SELECT * FROM (VALUES (19790525), (19900408)) t(date_key);
    CREATE TABLE refined.dim_subgenre AS SELECT * FROM (VALUES (1, 'slasher'), (2, 'whodunit')) t(subgenre_key, subgenre);
    CREATE TABLE refined.dim_person AS SELECT * FROM (VALUES (10, 'Sigourney Weaver', 'female')) t(person_key, name, gender);
    CREATE TABLE refined.bridge_title_subgenre AS SELECT * FROM (VALUES (1, 1, 1.0), (2, 2, 1.0)) t(title_key, subgenre_key, weight);
    CREATE TABLE refined.bridge_title_person AS SELECT * FROM (VALUES (1, 10, 'cast')) t(title_key, person_key, role);
    CREATE TABLE refined.fact_title_rating AS SELECT * FROM (VALUES (1, 19790525, 8.5), (2, 19900408, 8.8))
      t(title_key, release_date_key, imdb_rating);
  `);
});
afterAll(async () => engine.close());

describe("the demo model's checks", () => {
  it("pass on a consistent model", async () => {
    const outcome = await checksStage.run(cell, context());
    expect(outcome.summary).toBe("24 data checks: 24 passed");
  });

  it("catch a fact row whose date is missing from dim_date", async () => {
    await engine.run("INSERT INTO refined.fact_title_rating VALUES (3, 20260105, 5.0)");
    const error = (await checksStage.run(cell, context()).catch((e: unknown) => e)) as LakebookError;
    expect(error.code).toBe("CHECKS_FAILED");
    expect(error.message).toContain("refined.fact_title_rating: title_key → refined.dim_title.title_key");
    expect(error.message).toContain(
      "refined.fact_title_rating: release_date_key → refined.dim_date.date_key",
    );
    expect(error.hint).toContain('{"release_date_key":20260105,"rows":1}');
  });
});
