import { z } from "zod";
import { LakebookError } from "../../contract";
import type { Cell } from "../../document";
import { readCellSettings } from "../cell-settings";
import type { ExpectationSpec } from "./expectations";

/**
 * The `check` cell's YAML body: a list of tables, each with its expectations (the names of
 * ExpectationSpec, camelCase like the notebook's front matter):
 *
 *     checks:
 *       - table: refined.fact_title_genre
 *         notNull: [title_id, genre_id]
 *         unique: [[title_id, genre_id]]      # a column set; a plain name means one column
 *         rowCount: {min: 1}
 *         references:
 *           - {columns: [genre_id], table: refined.dim_genre, refColumns: [genre_id]}
 *       - table: refined.dim_genre
 *         unique: [genre_id]
 *         acceptedValues: [{column: source, values: [imdb, tmdb]}]
 */
const EXAMPLE = "checks:\n  - table: refined.dim_genre\n    notNull: [genre_id]\n    unique: [genre_id]";

const name = z.string().trim().min(1);
const columns = z.array(name).min(1);
const bound = z.number().int().nonnegative();

const ExpectationSchema = z.strictObject({
  table: name.regex(/^[^.\s]+(\.[^.\s]+){1,2}$/),
  notNull: columns.optional(),
  unique: z
    .array(z.union([name, columns]))
    .min(1)
    .optional(),
  acceptedValues: z
    .array(
      z.strictObject({
        column: name,
        values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
      }),
    )
    .min(1)
    .optional(),
  rowCount: z
    .strictObject({ min: bound.optional(), max: bound.optional() })
    .refine((range) => range.min !== undefined || range.max !== undefined, "needs min, max or both")
    .refine((range) => (range.min ?? 0) <= (range.max ?? Number.POSITIVE_INFINITY), "min is above max")
    .optional(),
  references: z
    .array(
      z
        .strictObject({ columns, table: name, refColumns: columns })
        .refine((ref) => ref.columns.length === ref.refColumns.length, "needs as many refColumns as columns"),
    )
    .min(1)
    .optional(),
});

/** Items are checked here rather than by readCellSettings, so an unknown field deep in a list names its own fields. */
const SettingsSchema = z.strictObject({ checks: z.array(z.unknown()).min(1) });

export function parseChecksSettings(cell: Pick<Cell, "id" | "source">): ExpectationSpec[] {
  const problem = (message: string, hint = `Write the checks as YAML, e.g.\n${EXAMPLE}`) =>
    new LakebookError("CHECK_SETTINGS_INVALID", `Check cell "${cell.id}": ${message}`, { hint });
  const { checks } = readCellSettings(cell.source, SettingsSchema, problem, (issue, shown) =>
    describeIssue(issue, shown),
  );
  return checks.map((item, index) => {
    const parsed = ExpectationSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (!issue) throw problem(`checks[${index + 1}] is not valid.`);
      const shownValue = valueAt(item, issue.path);
      const shown = shownValue === undefined ? "" : ` (found ${JSON.stringify(shownValue)})`;
      throw problem(describeIssue({ ...issue, path: ["checks", index, ...issue.path] }, shown));
    }
    const { unique, ...spec } = parsed.data;
    if (Object.keys(parsed.data).length === 1) {
      throw problem(
        `"checks[${index + 1}]" lists no expectations for ${spec.table}: add notNull, unique, acceptedValues, rowCount or references.`,
      );
    }
    return {
      ...spec,
      ...(unique ? { unique: unique.map((set) => (typeof set === "string" ? [set] : set)) } : {}),
    };
  });
}

const EXPECTED: Record<string, string> = {
  checks: "a list of tables to check, each with table: and its expectations",
  table: "a table written database.table, e.g. refined.fact_title",
  notNull: "a list of column names, e.g. [title_id]",
  unique: "a list of columns or column sets, e.g. [title_id, [title_id, genre_id]]",
  acceptedValues: "a list of {column, values}, e.g. [{column: role, values: [actor, actress]}]",
  column: "a column name",
  values: "a list of the values allowed, e.g. [actor, actress]",
  rowCount: "{min, max}: whole numbers ≥ 0, e.g. {min: 1}",
  min: "a whole number ≥ 0",
  max: "a whole number ≥ 0",
  references:
    "a list of {columns, table, refColumns}, e.g. [{columns: [genre_id], table: refined.dim_genre, refColumns: [genre_id]}]",
  columns: "a list of column names",
  refColumns: "a list of the referenced table's column names, as many as columns",
};

/** The fields of the object an unknown key was found in, by the list or field that holds it. */
const FIELDS: Record<string, string[]> = {
  acceptedValues: ["column", "values"],
  references: ["columns", "table", "refColumns"],
  rowCount: ["min", "max"],
};

/** `checks[2].references[1].table` must be …: the path as the user finds it in the YAML (1-based). */
function describeIssue(issue: z.core.$ZodIssue, shown: string): string {
  const path = issue.path
    .map((key, index) => (typeof key === "number" ? `[${key + 1}]` : `${index > 0 ? "." : ""}${String(key)}`))
    .join("");
  const field = [...issue.path].reverse().find((key) => typeof key === "string");
  if (issue.code === "unrecognized_keys") {
    const known = FIELDS[String(field)] ?? Object.keys(ExpectationSchema.shape);
    const keys = issue.keys.map((key) => `"${key}"`).join(", ");
    return `${path ? `${path}: ` : ""}unknown field ${keys}; the fields are ${known.join(", ")}.`;
  }
  if (issue.code === "custom") return `"${path}" ${issue.message}${shown}.`;
  return `"${path}" must be ${EXPECTED[String(field)] ?? issue.message}${shown}.`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}
