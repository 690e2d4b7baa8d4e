import type { CatalogTable, CourseRuleResult } from "../contract";
import type { CourseLake } from "./lake-view";
import { numberOf } from "./lake-view";
import { firstFew, type Line, say, verdict } from "./rule";
import { col, isNumeric, qualified, tableRef } from "./tables";

type Cells = (t: CatalogTable | undefined) => string | undefined;

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
      facts.length
        ? say("refined.facts", { tables: facts.map(qualified).join(", ") })
        : say("refined.facts.none"),
      dimensions.length
        ? say("refined.dimensions", { tables: dimensions.map(qualified).join(", ") })
        : say("refined.dimensions.none"),
      bridges.length
        ? say("refined.bridges", { tables: bridges.map(qualified).join(", ") })
        : say("refined.bridges.none"),
      ...refined.filter((t) => !t.role).map((t) => say("refined.no-role", { table: qualified(t) })),
    ],
    say("refined.model.hint"),
    cellOf(refined.find((t) => !t.role) ?? refined[0]),
  );

  const undeclared = refined.flatMap((t) => {
    const missing = [
      ...(t.role ? [] : ["role"]),
      ...(t.primaryKey?.length ? [] : ["primaryKey"]),
      ...((t.role === "fact" || t.role === "bridge") && !t.foreignKeys?.length ? ["foreignKeys"] : []),
    ];
    return missing.length
      ? [{ table: t, line: say("refined.undeclared", { table: qualified(t), missing: missing.join(", ") }) }]
      : [];
  });
  const declared = verdict(
    undeclared.length === 0 && refined.length > 0,
    "refined.keys-declared",
    3,
    "Every REFINED table's catalog entry carries its role, primary key and (facts, bridges) foreign keys",
    undeclared.length
      ? firstFew(undeclared.map((u) => u.line))
      : refined.map((t) => {
          const declared = { table: qualified(t), role: t.role ?? "", key: t.primaryKey?.join(", ") ?? "" };
          return t.foreignKeys?.length
            ? say("refined.declared.fk", { ...declared, fks: t.foreignKeys.length })
            : say("refined.declared", declared);
        }),
    say("refined.keys-declared.hint"),
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
  const lines: Line[] = [];
  const offending: Line[] = [];
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
    const line = say("refined.key-counts", {
      table: qualified(table),
      key: table.primaryKey?.join(", ") ?? "",
      rows: numberOf(row.total),
      dupes,
      nulls: nullKeys,
    });
    lines.push(line);
    if (bad) offending.push(line);
  }
  const ok = lake.sql !== undefined && keyed.length > 0 && culprit === undefined;
  return verdict(
    ok,
    "refined.primary-keys",
    3,
    "Every REFINED primary key is unique and never NULL",
    lake.sql ? (culprit ? offending : lines) : [say("no-engine")],
    say("refined.primary-keys.hint"),
    cellOf(culprit ?? keyed[0]),
  );
}

async function orphanRule(
  lake: CourseLake,
  refined: CatalogTable[],
  cellOf: Cells,
): Promise<CourseRuleResult> {
  const lines: Line[] = [];
  let culprit: CatalogTable | undefined;
  let declared = 0;
  // One query per table, every foreign key a scalar subquery in it: on Athena each query is billed.
  for (const table of refined) {
    const links = (table.foreignKeys ?? []).map((fk) => {
      const [database, name] = fk.references.table.split(".");
      const parent = refined.find((t) => t.database === database && t.name === name);
      const where = `${qualified(table)} (${fk.columns.join(", ")}) → ${fk.references.table} (${fk.references.columns.join(", ")})`;
      return { fk, parent, where };
    });
    declared += links.length;
    const counted = links.flatMap(({ fk, parent }, i) => {
      if (!parent) return [];
      const match = fk.columns
        .map((c, j) => `p.${col(fk.references.columns[j] ?? c)} = c.${col(c)}`)
        .join(" AND ");
      const present = fk.columns.map((c) => `c.${col(c)} IS NOT NULL`).join(" AND ");
      return [
        `(SELECT count(*) FROM ${tableRef(table)} AS c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${tableRef(parent)} AS p WHERE ${match})) AS o${i}`,
      ];
    });
    const [row = {}] = lake.sql && counted.length ? await lake.sql(`SELECT ${counted.join(", ")}`) : [];
    links.forEach(({ fk, parent, where }, i) => {
      if (!parent) {
        lines.push(say("refined.parent-missing", { link: where, parent: fk.references.table }));
        culprit ??= table;
        return;
      }
      if (!lake.sql) return;
      const orphans = numberOf(row[`o${i}`]);
      if (orphans > 0) culprit ??= table;
      lines.push(say("refined.orphans", { link: where, n: orphans }));
    });
  }
  const ok = lake.sql !== undefined && declared > 0 && culprit === undefined;
  return verdict(
    ok,
    "refined.foreign-keys",
    3,
    "No orphan foreign keys: every key a fact or bridge holds is found in its dimension",
    lake.sql ? (declared ? lines : [say("refined.no-foreign-keys")]) : [say("no-engine")],
    say("refined.foreign-keys.hint"),
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
