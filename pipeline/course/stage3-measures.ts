import type { CatalogTable, CourseRuleResult } from "../contract";
import { type CourseLake, numberOf } from "./lake-view";
import { count, firstFew, verdict } from "./rule";
import { measuresOf } from "./stage3-refined";
import { col, isNumeric, qualified, sourcesOf, tableRef } from "./tables";

type Cells = (t: CatalogTable | undefined) => string | undefined;
const NO_ENGINE = "No query engine for this target: table contents were not read.";
const GENRE = /genre/i;

/** The fact's link to the title dimension (the dimension that holds imdb_id), when there is one. */
function titleLink(fact: CatalogTable, refined: CatalogTable[]) {
  for (const fk of fact.foreignKeys ?? []) {
    const dim = refined.find((t) => qualified(t) === fk.references.table);
    if (dim?.columns.some((c) => c.name === "imdb_id") && fk.columns.length === 1) {
      return { dim, factColumn: fk.columns[0] ?? "", dimColumn: fk.references.columns[0] ?? "" };
    }
  }
  return undefined;
}

/**
 * Measures are not inflated by the row-per-artist layout: the fact has one row per title, totals
 * through the fact equal the totals over distinct titles, and no measure equals a TRUSTED value
 * multiplied by the title's number of artist rows (a SUM over the CSV layout).
 */
export async function checkPerTitle(
  lake: CourseLake,
  refined: CatalogTable[],
  trusted: CatalogTable[],
  cellOf: Cells,
): Promise<CourseRuleResult> {
  const facts = refined.filter((t) => t.role === "fact");
  const lines: string[] = [];
  let culprit: CatalogTable | undefined;
  for (const fact of lake.sql ? facts : []) {
    const sql = lake.sql;
    if (!sql) break;
    const link = titleLink(fact, refined);
    const key = link?.factColumn ?? fact.primaryKey?.[0];
    if (!key) continue;
    const measures = measuresOf(fact);
    const sums = measures.map((m, i) => `sum(${col(m)}) AS s${i}`).join(", ");
    const distinctSums = measures.map(
      (m, i) =>
        `(SELECT sum(v) FROM (SELECT max(${col(m)}) AS v FROM ${tableRef(fact)} GROUP BY ${col(key)}) AS t) AS d${i}`,
    );
    const [row = {}] = await sql(
      `SELECT count(*) AS total, count(DISTINCT ${col(key)}) AS titles${sums ? `, ${sums}` : ""}${distinctSums.length ? `, ${distinctSums.join(", ")}` : ""} FROM ${tableRef(fact)}`,
    );
    const total = numberOf(row.total);
    const titles = numberOf(row.titles);
    lines.push(`${qualified(fact)}: ${count(total, "row")} for ${count(titles, "distinct title")} (${key})`);
    if (total !== titles) culprit ??= fact;
    measures.forEach((m, i) => {
      const through = numberOf(row[`s${i}`]);
      const distinct = numberOf(row[`d${i}`]);
      const same =
        (Number.isNaN(through) && Number.isNaN(distinct)) ||
        Math.abs(through - distinct) <= 1e-6 * Math.max(1, Math.abs(distinct));
      if (!same) culprit ??= fact;
      if (!same || i < 2)
        lines.push(`${m}: ${fmt(through)} through the fact, ${fmt(distinct)} over distinct titles`);
    });
    if (link) {
      for (const line of await multipliedMeasures(sql, fact, link, measures, trusted)) {
        lines.push(line);
        culprit ??= fact;
      }
    }
  }
  return verdict(
    lake.sql !== undefined && facts.length > 0 && culprit === undefined,
    "refined.per-title",
    3,
    "Measures are not inflated by the row-per-artist layout: totals through the model equal totals over distinct titles",
    lake.sql ? (facts.length ? firstFew(lines, 8) : ["No fact table."]) : [NO_ENGINE],
    "The CSVs have one row per credited artist, so a title repeats: take DISTINCT imdb_id with its rating and votes " +
      "before joining or aggregating (SUM over the raw rows multiplies votes by the cast size).",
    cellOf(culprit ?? facts[0]),
  );
}

/** Titles whose measure is a TRUSTED CSV value × the title's row count: summed once per artist. */
async function multipliedMeasures(
  sql: (q: string) => Promise<Record<string, unknown>[]>,
  fact: CatalogTable,
  link: NonNullable<ReturnType<typeof titleLink>>,
  measures: string[],
  trusted: CatalogTable[],
): Promise<string[]> {
  const found: string[] = [];
  const sources = trusted.filter((t) => sourcesOf(t).csv && t.columns.some((c) => c.name === "imdb_id"));
  for (const source of sources) {
    const values = source.columns.filter((c) => isNumeric(c) && !/^ano|year/i.test(c.name));
    if (values.length === 0) continue;
    for (const m of measures) {
      const picks = values.map((v, i) => `max(CAST(${col(v.name)} AS DOUBLE)) AS v${i}`).join(", ");
      const tests = values.map(
        (_, i) =>
          `count(*) FILTER (WHERE s.k > 1 AND s.v${i} <> 0 AND CAST(f.m AS DOUBLE) = s.v${i} * s.k) AS x${i}`,
      );
      const [row = {}] = await sql(
        `WITH s AS (SELECT imdb_id, count(*) AS k, ${picks} FROM ${tableRef(source)} GROUP BY imdb_id), ` +
          `f AS (SELECT d.imdb_id, x.${col(m)} AS m FROM ${tableRef(fact)} AS x JOIN ${tableRef(link.dim)} AS d ON d.${col(link.dimColumn)} = x.${col(link.factColumn)}) ` +
          `SELECT count(*) FILTER (WHERE s.k > 1) AS multi, ${tests.join(", ")} FROM f JOIN s ON s.imdb_id = f.imdb_id`,
      );
      const multi = numberOf(row.multi);
      values.forEach((v, i) => {
        const times = numberOf(row[`x${i}`]);
        if (multi > 0 && times > multi / 2) {
          found.push(
            `${qualified(fact)}.${m} = ${qualified(source)}.${v.name} × rows per title for ${count(times, "title")} of ${multi} with several artists`,
          );
        }
      });
    }
  }
  return found;
}

/**
 * Measures are not inflated by the genre fan-out: a bridge to a (sub)genre dimension carries a
 * weight that sums to 1 per title, so a measure summed through it totals the same as over the titles.
 */
export async function checkGenreFanOut(
  lake: CourseLake,
  refined: CatalogTable[],
  cellOf: Cells,
): Promise<CourseRuleResult> {
  const genreBridges = refined.filter(
    (t) => t.role === "bridge" && (t.foreignKeys ?? []).some((fk) => GENRE.test(fk.references.table)),
  );
  const lines: string[] = [];
  let culprit: CatalogTable | undefined;
  const fact = refined.find((t) => t.role === "fact");
  for (const bridge of lake.sql ? genreBridges : []) {
    const sql = lake.sql;
    if (!sql) break;
    const titleFk = (bridge.foreignKeys ?? []).find((fk) => !GENRE.test(fk.references.table));
    const titleColumn = titleFk?.columns[0];
    const weight = bridge.columns.find((c) => /weight/i.test(c.name) && isNumeric(c))?.name;
    if (!titleColumn || !weight) {
      culprit ??= bridge;
      lines.push(
        `${qualified(bridge)} has no weight column${titleColumn ? "" : " and no key to the title"}: a measure summed through it counts a title once per genre`,
      );
      continue;
    }
    const [row = {}] = await sql(
      `SELECT count(*) AS off, (SELECT count(DISTINCT ${col(titleColumn)}) FROM ${tableRef(bridge)}) AS titles FROM (` +
        `SELECT ${col(titleColumn)}, sum(${col(weight)}) AS w FROM ${tableRef(bridge)} GROUP BY ${col(titleColumn)}) AS t WHERE abs(w - 1) > 1e-9`,
    );
    const off = numberOf(row.off);
    if (off > 0) culprit ??= bridge;
    lines.push(
      `${qualified(bridge)}: ${weight} sums to 1 for ${count(numberOf(row.titles) - off, "title")}, not for ${off}`,
    );
    const link = fact
      ? (fact.foreignKeys ?? []).find((fk) => fk.references.table === titleFk?.references.table)
      : undefined;
    const measure = fact ? (measuresOf(fact)[1] ?? measuresOf(fact)[0]) : undefined;
    if (fact && link && measure) {
      const k = col(link.columns[0] ?? "");
      const [totals = {}] = await sql(
        `SELECT (SELECT sum(f.${col(measure)} * b.${col(weight)}) FROM ${tableRef(fact)} AS f JOIN ${tableRef(bridge)} AS b ON b.${col(titleColumn)} = f.${k}) AS through, ` +
          `(SELECT sum(f.${col(measure)}) FROM ${tableRef(fact)} AS f WHERE f.${k} IN (SELECT ${col(titleColumn)} FROM ${tableRef(bridge)})) AS titles`,
      );
      lines.push(
        `${measure}: ${fmt(numberOf(totals.through))} through ${bridge.name}, ${fmt(numberOf(totals.titles))} over its distinct titles`,
      );
    }
  }
  return verdict(
    lake.sql !== undefined && culprit === undefined,
    "refined.genre-fan-out",
    3,
    "Measures are not inflated by the genre fan-out: a genre bridge's weights sum to 1 per title",
    lake.sql
      ? genreBridges.length
        ? lines
        : ["No bridge to a genre dimension: nothing fans out."]
      : [NO_ENGINE],
    "A title has several genres: joining the fact to a genre bridge repeats its measures once per genre. Give the " +
      "bridge a weight (1.0 / count(*) OVER (PARTITION BY title_key)) and sum measure × weight, or count distinct titles.",
    cellOf(culprit ?? genreBridges[0]),
  );
}

function fmt(n: number): string {
  return Number.isInteger(n)
    ? n.toLocaleString("en-US")
    : n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}
