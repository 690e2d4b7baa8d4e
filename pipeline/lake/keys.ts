import { LakebookError } from "../contract/errors";

/**
 * Object keys are checked once, here, before any store touches a disk or the network.
 * The rules are stricter than S3's so that a key means the same object in a local folder and in a
 * bucket: no absolute paths, no backslashes, no `.`/`..`, no empty segments, printable UTF-8 only.
 */
export const MAX_KEY_BYTES = 1024;

const EXAMPLE_KEY = "Raw/Local/CSV/Movies/2026/01/05/movies.csv";
// C0 controls (incl. NUL), DEL and C1 controls: invisible in a file browser and unsafe in a path.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;
// With the `u` flag only unpaired surrogates match: they have no UTF-8 encoding, so S3 would reject them.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The key as it can be shown in a message: escaped, and cut short when long. */
function shown(key: string): string {
  const quoted = JSON.stringify(key);
  return quoted.length > 120 ? `${quoted.slice(0, 100)}…" (${quoted.length} chars)` : quoted;
}

function refuse(what: string, key: string, problem: string, expected: string): never {
  throw new LakebookError("LAKE_KEY_INVALID", `${what} ${shown(key)} ${problem}.`, {
    hint: `${expected} For example: ${EXAMPLE_KEY}`,
  });
}

/** Why a key is unsafe, or undefined when it is fine; `assertSafeKey` turns the reason into an error. */
export function keyProblem(key: string): { problem: string; expected: string } | undefined {
  if (typeof key !== "string" || key.length === 0) {
    return { problem: "is empty", expected: "A key is a relative path inside the lake." };
  }
  if (key.startsWith("/")) {
    return { problem: "starts with /", expected: "Keys are relative to the lake root: drop the leading /." };
  }
  if (key.includes("\\")) {
    return { problem: "contains a backslash", expected: "Separate folders with / only." };
  }
  if (CONTROL_CHAR.test(key)) {
    return {
      problem: "contains a control character",
      expected: "Use printable characters only (no NUL, tab or newline).",
    };
  }
  if (LONE_SURROGATE.test(key)) {
    return { problem: "is not valid Unicode", expected: "Keys must be valid UTF-8 text." };
  }
  const bytes = Buffer.byteLength(key, "utf8");
  if (bytes > MAX_KEY_BYTES) {
    return {
      problem: `is ${bytes} bytes long`,
      expected: `S3 keys are at most ${MAX_KEY_BYTES} bytes of UTF-8: use shorter folder or file names.`,
    };
  }
  const segments = key.split("/");
  if (segments.at(-1) === "") {
    return { problem: "ends with /", expected: "A key names a file, not a folder: add the file name." };
  }
  if (segments.includes("")) {
    return { problem: "has an empty folder name (//)", expected: "Separate folders with a single /." };
  }
  if (segments.some((s) => s === "." || s === "..")) {
    return { problem: 'has a "." or ".." segment', expected: "Write the full path from the lake root." };
  }
  return undefined;
}

export function isSafeKey(key: string): boolean {
  return keyProblem(key) === undefined;
}

export function assertSafeKey(key: string): void {
  const found = keyProblem(key);
  if (found) refuse("Object key", key, found.problem, found.expected);
}

/**
 * A listing prefix is "" (everything) or a folder ending in `/`. Requiring the slash keeps
 * `Raw/Local/CSV/Movies/2026/01/0` from silently matching both `01/05` and `01/06`.
 */
export function assertSafePrefix(prefix: string): void {
  if (prefix === "") return;
  if (typeof prefix !== "string" || !prefix.endsWith("/")) {
    throw new LakebookError(
      "LAKE_KEY_INVALID",
      `Listing prefix ${shown(String(prefix))} does not end with /.`,
      {
        hint: 'List a folder ("Raw/Local/CSV/Movies/") or the whole lake (""), not part of a name.',
      },
    );
  }
  const folder = prefix.slice(0, -1);
  const found = keyProblem(folder);
  if (found) refuse("Listing prefix", prefix, found.problem, found.expected);
}
