import type { CatalogTable, CourseRuleResult } from "../contract";
import { type CourseLake, numberOf } from "./lake-view";
import { firstFew, type Line, say, verdict } from "./rule";
import { measuresOf } from "./stage3-refined";
import { col, isNumeric, qualified, sourcesOf, tableRef } from "./tables";

type Cells = (t: CatalogTable | undefined) => string | undefined;
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
  const lines: Line[] = [];
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
    lines.push(say("refined.fact-rows", { table: qualified(fact), rows: total, titles, key }));
    if (total !== titles) culprit ??= fact;
    measures.forEach((m, i) => {
      const through = numberOf(row[`s${i}`]);
      const distinct = numberOf(row[`d${i}`]);
      const same =
        (Number.isNaN(through) && Number.isNaN(distinct)) ||
        Math.abs(through - distinct) <= 1e-6 * Math.max(1, Math.abs(distinct));
      if (!same) culprit ??= fact;
      if (!same || i < 2) lines.push(say("refined.measure-totals", { measure: m, through, distinct }));
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
    lake.sql ? (facts.length ? firstFew(lines, 8) : [say("refined.no-fact")]) : [say("no-engine")],
    say("refined.per-title.hint"),
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
): Promise<Line[]> {
  const found: Line[] = [];
  const sources = trusted.filter((t) => sourcesOf(t).csv && t.columns.some((c) => c.name === "imdb_id"));
  // One query per source, every measure × value pair a column of it: on Athena each query is billed.
  for (const source of sources) {
    const values = source.columns.filter((c) => isNumeric(c) && !/^ano|year/i.test(c.name));
    if (values.length === 0 || measures.length === 0) continue;
    const picks = values.map((v, i) => `max(CAST(${col(v.name)} AS DOUBLE)) AS v${i}`).join(", ");
    const measured = measures.map((m, j) => `CAST(x.${col(m)} AS DOUBLE) AS m${j}`).join(", ");
    const tests = measures.flatMap((_, j) =>
      values.map(
        (_, i) =>
          `count(*) FILTER (WHERE s.k > 1 AND s.v${i} <> 0 AND f.m${j} = s.v${i} * s.k) AS x${j}_${i}`,
      ),
    );
    const [row = {}] = await sql(
      `WITH s AS (SELECT imdb_id, count(*) AS k, ${picks} FROM ${tableRef(source)} GROUP BY imdb_id), ` +
        `f AS (SELECT d.imdb_id, ${measured} FROM ${tableRef(fact)} AS x JOIN ${tableRef(link.dim)} AS d ON d.${col(link.dimColumn)} = x.${col(link.factColumn)}) ` +
        `SELECT count(*) FILTER (WHERE s.k > 1) AS multi, ${tests.join(", ")} FROM f JOIN s ON s.imdb_id = f.imdb_id`,
    );
    const multi = numberOf(row.multi);
    measures.forEach((m, j) => {
      values.forEach((v, i) => {
        const times = numberOf(row[`x${j}_${i}`]);
        if (multi > 0 && times > multi / 2) {
          found.push(
            say("refined.multiplied", {
              fact: qualified(fact),
              measure: m,
              source: qualified(source),
              column: v.name,
              n: times,
              multi,
            }),
          );
        }
      });
    });
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
  const lines: Line[] = [];
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
        say(titleColumn ? "refined.no-weight" : "refined.no-weight-no-key", { bridge: qualified(bridge) }),
      );
      continue;
    }
    const link = fact
      ? (fact.foreignKeys ?? []).find((fk) => fk.references.table === titleFk?.references.table)
      : undefined;
    const measure = fact ? (measuresOf(fact)[1] ?? measuresOf(fact)[0]) : undefined;
    const k = col(link?.columns[0] ?? "");
    // One query per bridge (the weights and, when there is a fact, the totals): Athena bills each.
    const totals =
      fact && link && measure
        ? `, (SELECT sum(f.${col(measure)} * b.${col(weight)}) FROM ${tableRef(fact)} AS f JOIN ${tableRef(bridge)} AS b ON b.${col(titleColumn)} = f.${k}) AS through, ` +
          `(SELECT sum(f.${col(measure)}) FROM ${tableRef(fact)} AS f WHERE f.${k} IN (SELECT ${col(titleColumn)} FROM ${tableRef(bridge)})) AS measured`
        : "";
    const [row = {}] = await sql(
      `SELECT (SELECT count(*) FROM (SELECT ${col(titleColumn)}, sum(${col(weight)}) AS w FROM ${tableRef(bridge)} GROUP BY ${col(titleColumn)}) AS t WHERE abs(w - 1) > 1e-9) AS off, ` +
        `(SELECT count(DISTINCT ${col(titleColumn)}) FROM ${tableRef(bridge)}) AS titles${totals}`,
    );
    const off = numberOf(row.off);
    if (off > 0) culprit ??= bridge;
    lines.push(
      say("refined.weights", { bridge: qualified(bridge), weight, ok: numberOf(row.titles) - off, off }),
    );
    if (totals && measure) {
      lines.push(
        say("refined.bridge-totals", {
          measure,
          through: numberOf(row.through),
          bridge: bridge.name,
          titles: numberOf(row.measured),
        }),
      );
    }
  }
  return verdict(
    lake.sql !== undefined && culprit === undefined,
    "refined.genre-fan-out",
    3,
    "Measures are not inflated by the genre fan-out: a genre bridge's weights sum to 1 per title",
    lake.sql ? (genreBridges.length ? lines : [say("refined.no-genre-bridge")]) : [say("no-engine")],
    say("refined.genre-fan-out.hint"),
    cellOf(culprit ?? genreBridges[0]),
  );
}
