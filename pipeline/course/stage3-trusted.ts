import type { CatalogTable, CourseRuleResult } from "../contract";
import { describeKey } from "../lake";
import { type CourseLake, listAll, numberOf } from "./lake-view";
import { count, firstFew, verdict } from "./rule";
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
  const problems: string[] = [];
  const fine: string[] = [];
  let csvTables = 0;
  let tmdbTables = 0;
  for (const table of trusted) {
    const { csv, tmdb } = sourcesOf(table);
    if (csv) csvTables += 1;
    if (tmdb) tmdbTables += 1;
    const folder = tmdb ? "Trusted/TMDB/Parquet/" : "Trusted/Local/Parquet/";
    if (table.format !== "parquet") problems.push(`${qualified(table)} is ${table.format}, not parquet`);
    if (csv && tmdb)
      problems.push(`${qualified(table)} mixes the CSVs and TMDB (${table.producedBy?.inputs.join(", ")})`);
    else if (!table.location.startsWith(`${folder}${table.name}/`)) {
      problems.push(`${qualified(table)} is at ${table.location}, expected ${folder}${table.name}/`);
    }
    const files = (await listAll(lake.store, table.location)).filter((o) => !MARKER.test(o.key));
    const other = files.filter((o) => !o.key.endsWith(".parquet"));
    if (files.length === 0) problems.push(`${table.location} holds no files`);
    for (const o of other.slice(0, 3)) problems.push(`${o.key} is not a Parquet file`);
    if (problems.length === 0)
      fine.push(`${qualified(table)}: ${table.location} (${count(files.length, "Parquet file")})`);
  }
  if (csvTables === 0) problems.push("no TRUSTED table is made from raw.movies / raw.series");
  if (tmdbTables === 0) problems.push("no TRUSTED table is made from the RAW TMDB JSON");
  const firstProblem = trusted.find((t) => problems.some((p) => p.includes(qualified(t))));
  return verdict(
    problems.length === 0,
    "trusted.parquet",
    3,
    "TRUSTED is Parquet, the CSV data under Trusted/Local/Parquet/ and the TMDB data under Trusted/TMDB/Parquet/",
    problems.length === 0 ? fine : firstFew(problems),
    "Write TRUSTED with df.write.parquet(...) (a transform cell's output), one table per source: the CSVs " +
      "to Trusted/Local/Parquet/<table>/ and TMDB to Trusted/TMDB/Parquet/<table>/; join them only in REFINED.",
    cellOf(firstProblem ?? trusted[0]),
  );
}

async function partitionRule(
  lake: CourseLake,
  trusted: CatalogTable[],
  cellOf: (t: CatalogTable | undefined) => string | undefined,
): Promise<CourseRuleResult> {
  const tmdb = trusted.filter((t) => sourcesOf(t).tmdb);
  const problems: string[] = [];
  const fine: string[] = [];
  for (const table of tmdb) {
    if (!(table.partitionKeys ?? []).some((k) => k.name === "dt")) {
      problems.push(`${qualified(table)} has no dt partition column`);
    }
    const files = (await listAll(lake.store, table.location)).filter((o) => !MARKER.test(o.key));
    const undated = files.filter((o) => !describeKey(o.key)?.date);
    for (const o of undated.slice(0, 3)) problems.push(`${o.key} is not inside a dt=YYYY-MM-DD/ folder`);
    const dates = new Set(files.map((o) => /\/dt=([^/]+)\//.exec(o.key)?.[1]).filter(Boolean));
    if (undated.length === 0) fine.push(`${qualified(table)}: dt = ${[...dates].sort().join(", ")}`);
  }
  if (tmdb.length === 0) problems.push("no TRUSTED table is made from the RAW TMDB JSON");
  return verdict(
    problems.length === 0,
    "trusted.tmdb-dt",
    3,
    "TRUSTED TMDB data is partitioned by collection date (dt=YYYY-MM-DD)",
    problems.length === 0 ? fine : firstFew(problems),
    "Partition the TMDB tables by the date the data was collected: take it from the RAW YYYY/MM/DD folders " +
      "(a transform input's dateColumn: dt) and write with partitionBy('dt') (the cell's partitionBy: [dt]).",
    cellOf(
      tmdb.find((t) => problems.some((p) => p.includes(t.location) || p.includes(qualified(t)))) ?? tmdb[0],
    ),
  );
}

/** One scan per table: text columns that only hold numbers, `\N` kept as text, money equal to 0. */
async function typeRules(
  lake: CourseLake,
  tables: CatalogTable[],
  cellOf: (t: CatalogTable | undefined) => string | undefined,
): Promise<CourseRuleResult[]> {
  const numbersAsText: string[] = [];
  const nullMarkers: string[] = [];
  const zeroMoney: string[] = [];
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
          `${qualified(table)}.${c.name} is ${c.type} but all ${count(values, "value")} are numbers`,
        );
        culprits.numbers ??= table;
      }
      const markers = numberOf(row[`z${i}`]);
      if (markers > 0) {
        nullMarkers.push(`${qualified(table)}.${c.name}: ${count(markers, "row")} hold the text \\N`);
        culprits.nulls ??= table;
      }
    });
    money.forEach((c, i) => {
      const zeros = numberOf(row[`m${i}`]);
      if (zeros > 0) {
        zeroMoney.push(`${qualified(table)}.${c.name}: ${count(zeros, "row")} equal 0`);
        culprits.money ??= table;
      }
    });
  }
  const noEngine = lake.sql ? [] : ["No query engine for this target: table contents were not read."];
  const checked = [`Scanned ${count(scanned.length, "TRUSTED/REFINED table")}: ${scanned.join(", ")}`];
  const outcome = (problems: string[]) =>
    noEngine.length ? noEngine : problems.length ? firstFew(problems) : checked;
  const trustedCell = cellOf(modelled.find((t) => t.zone === "trusted"));
  return [
    verdict(
      noEngine.length === 0 && numbersAsText.length === 0,
      "trusted.numbers-typed",
      3,
      "No numeric column is left as a string",
      outcome(numbersAsText),
      "Spark reads every CSV column as a string (no inferSchema): CAST each numeric column in the transform " +
        "(CAST(anoLancamento AS INT), CAST(notaMedia AS DOUBLE), CAST(numeroVotos AS BIGINT), …).",
      cellOf(culprits.numbers) ?? trustedCell,
    ),
    verdict(
      noEngine.length === 0 && nullMarkers.length === 0,
      "trusted.null-marker",
      3,
      "\\N is read as NULL, never kept as text",
      outcome(nullMarkers),
      "The CSVs write NULL as the literal \\N: read them with nullValue='\\N' (the catalog's raw tables do), or " +
        "turn it into NULL with nullif(column, '\\N') before casting.",
      cellOf(culprits.nulls) ?? trustedCell,
    ),
    verdict(
      noEngine.length === 0 && zeroMoney.length === 0,
      "trusted.budget-unknown",
      3,
      "TMDB's 0 budget or revenue is read as unknown (NULL), not as a value",
      outcome(zeroMoney),
      "TMDB reports an unknown budget or revenue as 0: write CAST(nullif(budget, 0) AS BIGINT) so averages and " +
        "sums are not dragged down by titles whose budget nobody knows.",
      cellOf(culprits.money) ?? trustedCell,
    ),
  ];
}
