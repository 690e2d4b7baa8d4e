/**
 * The canonical front matter: `lakebook`, `title`, `target`, then every other key in its original
 * order, through `yaml` with fixed options so the same model always gives the same bytes.
 */
import { stringify } from "yaml";
import { LakebookError } from "../contract/errors";
import { unwritable } from "./errors";
import { metaIssue } from "./meta";
import { FORMAT_VERSION } from "./model";
import { findSecretInMeta, SECRET_HINT } from "./secrets";

const YAML_OPTIONS = {
  version: "1.2",
  indent: 2,
  indentSeq: true,
  lineWidth: 0, // never fold long lines: a diff of a title change stays one line
  minContentWidth: 0,
  aliasDuplicateObjects: false, // the same object twice is written twice, never as &anchor/*alias
  nullStr: "null",
  trueStr: "true",
  falseStr: "false",
} as const;

const FIRST_KEYS = ["lakebook", "title", "target"];

export function formatFrontMatter(meta: Record<string, unknown>): string {
  if (meta.lakebook !== undefined && meta.lakebook !== FORMAT_VERSION) {
    throw unwritable(
      `front matter says lakebook: ${String(meta.lakebook)}, but this Lakebook writes version ${FORMAT_VERSION}`,
    );
  }
  const secret = findSecretInMeta(meta);
  if (secret)
    throw new LakebookError("NOTEBOOK_HAS_SECRET", `front matter: ${secret.problem}`, { hint: SECRET_HINT });
  const issue = metaIssue(meta);
  if (issue) throw unwritable(`front matter: ${issue.problem}; expected ${issue.expected}`);
  const notPlain = plainDataProblem(meta, "front matter");
  if (notPlain) throw unwritable(notPlain);

  const ordered: Record<string, unknown> = { lakebook: FORMAT_VERSION };
  for (const key of FIRST_KEYS.slice(1)) if (meta[key] !== undefined) ordered[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) {
    if (!FIRST_KEYS.includes(key) && value !== undefined) ordered[key] = value;
  }
  const yaml = stringify(ordered, YAML_OPTIONS);
  // Defence in depth: a bare "---" line would end the front matter early.
  if (yaml.split("\n").some((line) => /^(?:---|\.\.\.)[ \t]*$/.test(line)))
    throw unwritable('front matter would contain a "---" line');
  return `---\n${yaml}---`;
}

/** Front matter must survive YAML and JSON unchanged: text, finite numbers, booleans, null, lists, maps. */
function plainDataProblem(value: unknown, where: string): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number")
    return Number.isFinite(value) ? undefined : `${where} is not a finite number`;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem =
        item === undefined ? `${where}.${i} is undefined` : plainDataProblem(item, `${where}.${i}`);
      if (problem) return problem;
    }
    return undefined;
  }
  const proto = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    for (const [key, item] of Object.entries(value as object)) {
      const problem = item === undefined ? undefined : plainDataProblem(item, `${where}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  }
  return `${where} holds a ${typeof value} that is not plain data (text, numbers, true/false, lists, mappings)`;
}
