import type { CatalogTable, CourseRuleResult } from "../contract";
import { describeKey } from "../lake";
import { type CourseLake, listAll, numberOf } from "./lake-view";
import { firstFew, type Line, type Said, say, verdict } from "./rule";
import { allColumns, col, isText, qualified, sourcesOf, tableRef } from "./tables";

const MONEY = /^(budget|revenue)$/i;
/** Spark's `_SUCCESS` markers and hidden files sit beside the data and are not tables' data. */
const MARKER = /(^|\/)[_.][^/]*$/;

/**
 * Stage 3, TRUSTED: Parquet, the CSV-sourced and TMDB-sourced tables in their own folders, TMDB
 * partitioned by `dt=`, and typed: no numbers left as strings, `\N` read as NULL, TMDB's 0 budget
 * or revenue read as unknown (NULL).
 */
export async function checkTrusted(lake: CourseLake, tables: CatalogTable[]): Promise<CourseRuleResult[]> {
  const trusted = tables.filter((t) => t.zone === "trusted");
  const cellOf = (t: CatalogTable | undefined) => t?.producedBy?.cell;
  return [
    await parquetRule(lake, trusted, cellOf),
    await partitionRule(lake, trusted, cellOf),
    ...(await typeRules(lake, tables, cellOf)),
  ];
}

async function parquetRule(
  lake: CourseLake,
  trusted: CatalogTable[],
  cellOf: (t: CatalogTable | undefined) => string | undefined,
): Promise<CourseRuleResult> {
  const problems: Said[] = [];
  const fine: Line[] = [];
  let csvTables = 0;
  let tmdbTables = 0;
  for (const table of trusted) {
    const { csv, tmdb } = sourcesOf(table);
    if (csv) csvTables += 1;
    if (tmdb) tmdbTables += 1;
    const folder = tmdb ? "Trusted/TMDB/Parquet/" : "Trusted/Local/Parquet/";
    const name = qualified(table);
    if (table.format !== "parquet")
      problems.push(say("trusted.not-parquet", { table: name, format: table.format }));
    if (csv && tmdb)
      problems.push(say("trusted.mixed", { table: name, inputs: table.producedBy?.inputs.join(", ") ?? "" }));
    else if (!table.location.startsWith(`${folder}${table.name}/`)) {
      const expected = `${folder}${table.name}/`;
      problems.push(say("trusted.misplaced", { table: name, location: table.location, expected }));
    }
    const files = (await listAll(lake.store, table.location)).filter((o) => !MARKER.test(o.key));
    const other = files.filter((o) => !o.key.endsWith(".parquet"));
    if (files.length === 0) problems.push(say("trusted.no-files", { location: table.location }));
    for (const o of other.slice(0, 3)) problems.push(say("trusted.not-parquet-file", { key: o.key }));
    if (problems.length === 0)
      fine.push(say("trusted.parquet.ok", { table: name, location: table.location, n: files.length }));
  }
  if (csvTables === 0) problems.push(say("trusted.no-csv-table"));
  if (tmdbTables === 0) problems.push(say("trusted.no-tmdb-table"));
  const firstProblem = trusted.find((t) => problems.some((p) => p.text.includes(qualified(t))));
  return verdict(
    problems.length === 0,
    "trusted.parquet",
    3,
    "TRUSTED is Parquet, the CSV data under Trusted/Local/Parquet/ and the TMDB data under Trusted/TMDB/Parquet/",
    problems.length === 0 ? fine : firstFew(problems),
    say("trusted.parquet.hint"),
    cellOf(firstProblem ?? trusted[0]),
  );
}

async function partitionRule(
  lake: CourseLake,
  trusted: CatalogTable[],
  cellOf: (t: CatalogTable | undefined) => string | undefined,
): Promise<CourseRuleResult> {
  const tmdb = trusted.filter((t) => sourcesOf(t).tmdb);
  const problems: Said[] = [];
  const fine: Line[] = [];
  for (const table of tmdb) {
    if (!(table.partitionKeys ?? []).some((k) => k.name === "dt")) {
      problems.push(say("trusted.no-dt", { table: qualified(table) }));
    }
    const files = (await listAll(lake.store, table.location)).filter((o) => !MARKER.test(o.key));
    const undated = files.filter((o) => !describeKey(o.key)?.date);
    for (const o of undated.slice(0, 3)) problems.push(say("trusted.undated", { key: o.key }));
    const dates = new Set(files.map((o) => /\/dt=([^/]+)\//.exec(o.key)?.[1]).filter(Boolean));
    if (undated.length === 0)
      fine.push(say("trusted.dt.ok", { table: qualified(table), dates: [...dates].sort().join(", ") }));
  }
  if (tmdb.length === 0) problems.push(say("trusted.no-tmdb-table"));
  return verdict(
    problems.length === 0,
    "trusted.tmdb-dt",
    3,
    "TRUSTED TMDB data is partitioned by collection date (dt=YYYY-MM-DD)",
    problems.length === 0 ? fine : firstFew(problems),
    say("trusted.tmdb-dt.hint"),
    cellOf(
      tmdb.find((t) => problems.some((p) => p.text.includes(t.location) || p.text.includes(qualified(t)))) ??
        tmdb[0],
    ),
  );
}

/** One scan per table: text columns that only hold numbers, `\N` kept as text, money equal to 0. */
async function typeRules(
  lake: CourseLake,
  tables: CatalogTable[],
  cellOf: (t: CatalogTable | undefined) => string | undefined,
): Promise<CourseRuleResult[]> {
  const numbersAsText: Said[] = [];
  const nullMarkers: Said[] = [];
  const zeroMoney: Said[] = [];
  const scanned: string[] = [];
  const culprits: { numbers?: CatalogTable; nulls?: CatalogTable; money?: CatalogTable } = {};
  const modelled = tables.filter((t) => t.zone !== "raw");
  for (const table of modelled) {
    const text = allColumns(table).filter(isText);
    const money = allColumns(table).filter((c) => MONEY.test(c.name));
    if (text.length + money.length === 0 || !lake.sql) continue;
    const parts = [
      ...text.flatMap((c, i) => [
        `count(${col(c.name)}) AS n${i}`,
        `count(TRY_CAST(${col(c.name)} AS DOUBLE)) AS d${i}`,
        `count(*) FILTER (WHERE ${col(c.name)} = '\\N') AS z${i}`,
      ]),
      ...money.map((c, i) => `count(*) FILTER (WHERE ${col(c.name)} = 0) AS m${i}`),
    ];
    const [row = {}] = await lake.sql(`SELECT ${parts.join(", ")} FROM ${tableRef(table)}`);
    scanned.push(qualified(table));
    text.forEach((c, i) => {
      const values = numberOf(row[`n${i}`]);
      if (values > 0 && numberOf(row[`d${i}`]) === values) {
        numbersAsText.push(
          say("trusted.number-as-text", { table: qualified(table), column: c.name, type: c.type, n: values }),
        );
        culprits.numbers ??= table;
      }
      const markers = numberOf(row[`z${i}`]);
      if (markers > 0) {
        nullMarkers.push(say("trusted.null-text", { table: qualified(table), column: c.name, n: markers }));
        culprits.nulls ??= table;
      }
    });
    money.forEach((c, i) => {
      const zeros = numberOf(row[`m${i}`]);
      if (zeros > 0) {
        zeroMoney.push(say("trusted.zero-money", { table: qualified(table), column: c.name, n: zeros }));
        culprits.money ??= table;
      }
    });
  }
  const noEngine = lake.sql ? [] : [say("no-engine")];
  const checked = [say("trusted.scanned", { n: scanned.length, tables: scanned.join(", ") })];
  const outcome = (problems: Said[]) =>
    noEngine.length ? noEngine : problems.length ? firstFew(problems) : checked;
  const trustedCell = cellOf(modelled.find((t) => t.zone === "trusted"));
  return [
    verdict(
      noEngine.length === 0 && numbersAsText.length === 0,
      "trusted.numbers-typed",
      3,
      "No numeric column is left as a string",
      outcome(numbersAsText),
      say("trusted.numbers-typed.hint"),
      cellOf(culprits.numbers) ?? trustedCell,
    ),
    verdict(
      noEngine.length === 0 && nullMarkers.length === 0,
      "trusted.null-marker",
      3,
      "\\N is read as NULL, never kept as text",
      outcome(nullMarkers),
      say("trusted.null-marker.hint"),
      cellOf(culprits.nulls) ?? trustedCell,
    ),
    verdict(
      noEngine.length === 0 && zeroMoney.length === 0,
      "trusted.budget-unknown",
      3,
      "TMDB's 0 budget or revenue is read as unknown (NULL), not as a value",
      outcome(zeroMoney),
      say("trusted.budget-unknown.hint"),
      cellOf(culprits.money) ?? trustedCell,
    ),
  ];
}
