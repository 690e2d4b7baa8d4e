import type { CatalogTable, CourseRuleResult } from "../contract";
import type { CourseLake } from "./lake-view";
import { numberOf } from "./lake-view";
import { count, firstFew, verdict } from "./rule";
import { col, isNumeric, qualified, tableRef } from "./tables";

type Cells = (t: CatalogTable | undefined) => string | undefined;
const NO_ENGINE = "No query engine for this target: table contents were not read.";

/**
 * Stage 3, REFINED: a dimensional model (a fact, at least two dimensions), its keys declared in
 * the catalog, primary keys unique, no orphan foreign keys, and measures that are not inflated by
 * the row-per-artist layout or the genre fan-out. The fan-out rules live in ./stage3-measures.
 */
export async function checkRefinedKeys(
  lake: CourseLake,
  refined: CatalogTable[],
  cellOf: Cells,
): Promise<CourseRuleResult[]> {
  const facts = refined.filter((t) => t.role === "fact");
  const dimensions = refined.filter((t) => t.role === "dimension");
  const bridges = refined.filter((t) => t.role === "bridge");
  const model = verdict(
    facts.length >= 1 && dimensions.length >= 2,
    "refined.model",
    3,
    "REFINED is a dimensional model: at least one fact and two dimensions",
    [
      `facts: ${facts.map(qualified).join(", ") || "none"}`,
      `dimensions: ${dimensions.map(qualified).join(", ") || "none"}`,
      `bridges: ${bridges.map(qualified).join(", ") || "none"}`,
      ...refined.filter((t) => !t.role).map((t) => `${qualified(t)} has no role`),
    ],
    "Model REFINED as a star: a fact table of measures (one row per title) and dimension tables (title, date, " +
      "subgenre, person), each transform cell declaring -- role: fact | dimension | bridge.",
    cellOf(refined.find((t) => !t.role) ?? refined[0]),
  );

  const undeclared = refined.flatMap((t) => {
    const missing = [
      ...(t.role ? [] : ["role"]),
      ...(t.primaryKey?.length ? [] : ["primaryKey"]),
      ...((t.role === "fact" || t.role === "bridge") && !t.foreignKeys?.length ? ["foreignKeys"] : []),
    ];
    return missing.length ? [{ table: t, line: `${qualified(t)}: no ${missing.join(", ")}` }] : [];
  });
  const declared = verdict(
    undeclared.length === 0 && refined.length > 0,
    "refined.keys-declared",
    3,
    "Every REFINED table's catalog entry carries its role, primary key and (facts, bridges) foreign keys",
    undeclared.length
      ? firstFew(undeclared.map((u) => u.line))
      : refined.map(
          (t) =>
            `${qualified(t)}: ${t.role}, key (${t.primaryKey?.join(", ")})${t.foreignKeys?.length ? `, ${count(t.foreignKeys.length, "foreign key")}` : ""}`,
        ),
    "Declare them in the transform cell's header (-- role:, -- primaryKey: [...], -- foreignKeys: [...]) so " +
      "the catalog (and Glue) records how the model joins.",
    cellOf(undeclared[0]?.table ?? refined[0]),
  );
  return [model, declared, await uniqueRule(lake, refined, cellOf), await orphanRule(lake, refined, cellOf)];
}

async function uniqueRule(
  lake: CourseLake,
  refined: CatalogTable[],
  cellOf: Cells,
): Promise<CourseRuleResult> {
  const keyed = refined.filter((t) => t.primaryKey?.length);
  const lines: string[] = [];
  const offending: string[] = [];
  let culprit: CatalogTable | undefined;
  for (const table of lake.sql ? keyed : []) {
    const sql = lake.sql;
    if (!sql) break;
    const key = (table.primaryKey ?? []).map(col).join(", ");
    const nulls = (table.primaryKey ?? []).map((k) => `${col(k)} IS NULL`).join(" OR ");
    const [row = {}] = await sql(
      `SELECT (SELECT count(*) FROM (SELECT ${key} FROM ${tableRef(table)} GROUP BY ${key} HAVING count(*) > 1) AS d) AS dupes, ` +
        `(SELECT count(*) FROM ${tableRef(table)} WHERE ${nulls}) AS nulls, (SELECT count(*) FROM ${tableRef(table)}) AS total`,
    );
    const dupes = numberOf(row.dupes);
    const nullKeys = numberOf(row.nulls);
    const bad = dupes > 0 || nullKeys > 0;
    if (bad) culprit ??= table;
    const line =
      `${qualified(table)} (${table.primaryKey?.join(", ")}): ${count(numberOf(row.total), "row")}, ` +
      `${count(dupes, "duplicated key")}, ${count(nullKeys, "NULL key")}`;
    lines.push(line);
    if (bad) offending.push(line);
  }
  const ok = lake.sql !== undefined && keyed.length > 0 && culprit === undefined;
  return verdict(
    ok,
    "refined.primary-keys",
    3,
    "Every REFINED primary key is unique and never NULL",
    lake.sql ? (culprit ? offending : lines) : [NO_ENGINE],
    "A duplicated key usually means a title repeats once per credited artist or per genre: SELECT DISTINCT the " +
      "title columns (or GROUP BY the key) before writing the table, and keep people and genres in bridge tables.",
    cellOf(culprit ?? keyed[0]),
  );
}

async function orphanRule(
  lake: CourseLake,
  refined: CatalogTable[],
  cellOf: Cells,
): Promise<CourseRuleResult> {
  const lines: string[] = [];
  let culprit: CatalogTable | undefined;
  let declared = 0;
  for (const table of refined) {
    for (const fk of table.foreignKeys ?? []) {
      declared += 1;
      const [database, name] = fk.references.table.split(".");
      const parent = refined.find((t) => t.database === database && t.name === name);
      const where = `${qualified(table)} (${fk.columns.join(", ")}) → ${fk.references.table} (${fk.references.columns.join(", ")})`;
      if (!parent) {
        lines.push(`${where}: ${fk.references.table} is not in the catalog`);
        culprit ??= table;
        continue;
      }
      if (!lake.sql) continue;
      const match = fk.columns
        .map((c, i) => `p.${col(fk.references.columns[i] ?? c)} = c.${col(c)}`)
        .join(" AND ");
      const present = fk.columns.map((c) => `c.${col(c)} IS NOT NULL`).join(" AND ");
      const [row = {}] = await lake.sql(
        `SELECT count(*) AS orphans FROM ${tableRef(table)} AS c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${tableRef(parent)} AS p WHERE ${match})`,
      );
      const orphans = numberOf(row.orphans);
      if (orphans > 0) culprit ??= table;
      lines.push(`${where}: ${count(orphans, "orphan row")}`);
    }
  }
  const ok = lake.sql !== undefined && declared > 0 && culprit === undefined;
  return verdict(
    ok,
    "refined.foreign-keys",
    3,
    "No orphan foreign keys: every key a fact or bridge holds is found in its dimension",
    lake.sql ? (declared ? lines : ["No foreign keys are declared."]) : [NO_ENGINE],
    "An orphan key means the dimension was built from fewer titles than the fact (a different filter, or a join " +
      "by title instead of imdb_id): build the dimension from the same titles and join on imdb_id, then run the " +
      "dimension before the fact.",
    cellOf(culprit ?? refined.find((t) => t.foreignKeys?.length)),
  );
}

/** The measures of a fact: numeric columns that are not keys. */
export function measuresOf(table: CatalogTable): string[] {
  const keys = new Set([
    ...(table.primaryKey ?? []),
    ...(table.foreignKeys ?? []).flatMap((fk) => fk.columns),
  ]);
  return table.columns
    .filter((c) => isNumeric(c) && !keys.has(c.name) && !/_(key|id)$/.test(c.name))
    .map((c) => c.name);
}
