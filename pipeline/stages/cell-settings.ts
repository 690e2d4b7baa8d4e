import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { LakebookError } from "../contract";

/** Builds the stage's own error for a settings problem: its code, the cell's id, a hint. */
export type SettingsProblem = (message: string, hint?: string) => LakebookError;

/**
 * A settings cell's YAML body, checked against the stage's schema. Every problem names the field,
 * what was found and what was expected; `describe` words a field's issue in the stage's terms
 * (`shown` is " (found …)" or empty). Shared by every cell kind whose body is YAML settings.
 */
export function readCellSettings<S extends z.ZodObject>(
  source: string,
  schema: S,
  problem: SettingsProblem,
  describe: (issue: z.core.$ZodIssue, shown: string) => string,
): z.output<S> {
  const lines = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, version: "1.2", lineCounter: lines });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    const first = yamlError.message.split("\n", 1)[0] ?? yamlError.message;
    throw problem(`the settings are not valid YAML${line ? ` (line ${line})` : ""}: ${first}`);
  }
  const value: unknown = doc.toJS() ?? {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw problem("the settings must be a YAML mapping of field: value.");
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw problem("invalid settings.");
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(schema.shape).join(", ");
    throw problem(
      `unknown field ${issue.keys.map((key) => `"${key}"`).join(", ")}; the fields are ${known}.`,
    );
  }
  const given = issue.path.reduce<unknown>(
    (here, key) =>
      here && typeof here === "object" ? (here as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
  throw problem(describe(issue, given === undefined ? "" : ` (found ${JSON.stringify(given)})`));
}
