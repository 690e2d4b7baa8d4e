import { LakebookError } from "../../contract";

/**
 * RAW is append-only: it keeps the course files exactly as ingested, so TRUSTED and REFINED can
 * always be rebuilt from it. This guard refuses, before anything runs (locally or on Athena), any
 * statement that would drop, empty, rewrite or replace a table, view or database in `raw`, or
 * write files under the RAW zone's `Raw/` key prefix. Appending stays allowed: INSERT INTO,
 * COPY raw.x FROM, CREATE TABLE raw.new, and ALTER TABLE … ADD PARTITION (how Athena sees a new
 * date folder).
 *
 * A small tokenizer, not a parser: comments, strings, "quoted" and `backticked` identifiers are
 * read properly, so `-- DROP TABLE raw.x` or 'DROP TABLE raw.x' in a string are not statements.
 * It does not use engine/statements.ts, which needs a DuckDB connection, because Athena SQL is
 * checked too. Unqualified names count as `raw` after `USE raw` or when raw is the default database.
 */
export const RAW_DATABASE = "raw";

export interface RawGuardOptions {
  /** The database unqualified names resolve to (Athena's QueryExecutionContext.Database). */
  database?: string;
}

export interface RawOverwrite {
  /** 1-based statement number within the cell, and the line it starts on. */
  statement: number;
  line: number;
  /** "drop", "delete from", "write under Raw/"… */
  action: string;
  /** `raw.movies`, the database `raw`, or the path written. */
  target: string;
  /** The statement's first line, for the message. */
  text: string;
}

interface Token {
  kind: "word" | "ident" | "string" | "other";
  /** Words upper-cased, identifiers lower-cased and unquoted, strings unquoted. */
  value: string;
  line: number;
  start: number;
  end: number;
}

export function findRawOverwrites(sql: string, options: RawGuardOptions = {}): RawOverwrite[] {
  const found: RawOverwrite[] = [];
  let database = options.database?.toLowerCase();
  statementsOf(tokenize(sql)).forEach((tokens, index) => {
    const first = tokens[0];
    if (!first) return;
    const use = tokens[0]?.value === "USE" ? readName(tokens, 1) : undefined;
    if (use) database = use.parts[use.parts.length - 1];
    for (const [action, target] of overwritesIn(mainStatement(tokens), database)) {
      const text =
        sql
          .slice(first.start, tokens[tokens.length - 1]?.end)
          .split("\n", 1)[0]
          ?.trim() ?? "";
      found.push({ statement: index + 1, line: first.line, action, target, text });
    }
  });
  return found;
}

/** Throws RAW_IS_APPEND_ONLY for the first statement that would drop or overwrite RAW. */
export function assertRawAppendOnly(sql: string, options: RawGuardOptions = {}): void {
  const [first] = findRawOverwrites(sql, options);
  if (!first) return;
  const writesFiles = first.action === "write under Raw/";
  throw new LakebookError(
    "RAW_IS_APPEND_ONLY",
    `RAW is append-only: statement ${first.statement} (line ${first.line}) would ${first.action} ${first.target}: ${first.text}`,
    {
      hint: writesFiles
        ? "Write files under Trusted/ or Refined/ instead; RAW keeps only the files ingested unchanged."
        : "Write results to trusted or refined instead, e.g. CREATE TABLE trusted.movies AS SELECT … FROM raw.movies. " +
          "To add data to RAW, ingest a new file (it lands in a new date folder) or INSERT INTO the raw table.",
    },
  );
}

type Finding = [action: string, target: string];

function overwritesIn(t: Token[], database: string | undefined): Finding[] {
  const word = (i: number) => (t[i]?.kind === "word" ? t[i]?.value : undefined);
  const skip = (i: number, ...words: string[]) => {
    let at = i;
    for (const w of words) if (word(at) === w) at += 1;
    return at;
  };
  const table = (i: number, action: string): Finding[] => {
    const name = readName(t, i);
    if (!name) return [];
    const db = name.parts.length >= 2 ? name.parts[name.parts.length - 2] : database;
    return db === RAW_DATABASE ? [[action, `${RAW_DATABASE}.${name.parts[name.parts.length - 1]}`]] : [];
  };
  const schema = (i: number, action: string): Finding[] => {
    const name = readName(t, i);
    return name?.parts[name.parts.length - 1] === RAW_DATABASE
      ? [[action, `the database ${RAW_DATABASE}`]]
      : [];
  };
  const kind = (i: number) => word(i) ?? "";
  const paths = rawPathsWritten(t).map((path): Finding => ["write under Raw/", `'${path}'`]);
  switch (word(0)) {
    case "DROP": {
      const at = skip(1, "MATERIALIZED", "EXTERNAL");
      const what = kind(at);
      const name = skip(at + 1, "IF", "EXISTS");
      if (what === "TABLE" || what === "VIEW") return table(name, "drop");
      if (what === "SCHEMA" || what === "DATABASE") return schema(name, "drop");
      return paths;
    }
    case "DELETE":
      return word(1) === "FROM" ? table(2, "delete from") : table(1, "delete from");
    case "TRUNCATE":
      return table(skip(1, "TABLE"), "truncate");
    case "UPDATE":
      return table(1, "update");
    case "MERGE":
      return table(skip(1, "INTO"), "merge into");
    case "ALTER": {
      const what = kind(1);
      const name = skip(2, "IF", "EXISTS");
      if (what === "SCHEMA" || what === "DATABASE") return schema(name, "alter");
      if (what !== "TABLE" && what !== "VIEW") return paths;
      const after = readName(t, name)?.next ?? name;
      // Registering a new partition (a new date folder) appends: the one ALTER RAW allows.
      if (word(after) === "ADD" && word(skip(after + 1, "IF", "NOT", "EXISTS")) === "PARTITION") return paths;
      return table(name, "alter");
    }
    case "INSERT": {
      if (word(1) === "OVERWRITE") return table(skip(2, "TABLE"), "insert overwrite");
      if (word(1) === "OR" && word(2) === "REPLACE") return table(skip(3, "INTO"), "insert or replace into");
      const upsert = t.some(
        (token, i) => token.value === "CONFLICT" && t.slice(i).some((x) => x.value === "UPDATE"),
      );
      return upsert ? table(skip(1, "INTO"), "upsert into") : paths;
    }
    case "CREATE": {
      if (word(1) !== "OR" || word(2) !== "REPLACE") return paths;
      const at = skip(3, "TEMP", "TEMPORARY", "MATERIALIZED");
      if (at > 3 && kind(3) !== "MATERIALIZED") return paths; // temporary objects never live in raw
      const what = kind(at);
      if (what === "TABLE" || what === "VIEW") return [...table(at + 1, "create or replace"), ...paths];
      if (what === "SCHEMA" || what === "DATABASE") return schema(at + 1, "create or replace");
      return paths;
    }
    default:
      return paths;
  }
}

/**
 * Paths a statement writes files to: COPY … TO '<path>' and Athena's UNLOAD … TO '<path>' (the
 * TO outside parentheses), EXPORT DATABASE '<path>', and a CTAS's external_location = '<path>'.
 */
function rawPathsWritten(t: Token[]): string[] {
  const written: string[] = [];
  const head = t[0]?.value;
  if (head === "COPY" || head === "UNLOAD") {
    let depth = 0;
    for (let i = 1; i < t.length; i += 1) {
      const v = t[i]?.kind === "other" ? t[i]?.value : undefined;
      if (v === "(") depth += 1;
      if (v === ")") depth -= 1;
      if (depth === 0 && t[i]?.kind === "word" && t[i]?.value === "TO" && t[i + 1]?.kind === "string") {
        written.push(t[i + 1]?.value ?? "");
        break;
      }
    }
  }
  if (head === "EXPORT" && t[1]?.value === "DATABASE" && t[2]?.kind === "string") written.push(t[2].value);
  t.forEach((token, i) => {
    const location = t[i + 2];
    if (/^(EXTERNAL_LOCATION|LOCATION)$/i.test(token.value) && token.kind !== "string" && head === "CREATE") {
      const isCtas = t.some((x) => x.kind === "word" && x.value === "AS");
      // CREATE EXTERNAL TABLE … LOCATION 's3://…/Raw/…' only registers files already there: allowed.
      if (isCtas && t[i + 1]?.value === "=" && location?.kind === "string") written.push(location.value);
    }
  });
  return written.filter((path) => /(^|[/\\])raw([/\\]|$)/i.test(path));
}

/**
 * The statement that acts: `EXPLAIN ANALYZE` runs what it explains, and a leading
 * `WITH … AS (…)` list may precede DELETE, UPDATE, INSERT or MERGE.
 */
function mainStatement(t: Token[]): Token[] {
  let at = 0;
  if (t[at]?.value === "EXPLAIN") at += t[at + 1]?.value === "ANALYZE" ? 2 : 1;
  if (t[at]?.kind !== "word" || t[at]?.value !== "WITH") return t.slice(at);
  let depth = 0;
  for (let i = at + 1; i < t.length; i += 1) {
    const token = t[i];
    if (token?.kind === "other" && token.value === "(") depth += 1;
    if (token?.kind === "other" && token.value === ")") depth -= 1;
    if (depth === 0 && token?.kind === "word" && /^(SELECT|INSERT|UPDATE|DELETE|MERGE)$/.test(token.value)) {
      return t.slice(i);
    }
  }
  return t.slice(at);
}

function readName(t: Token[], at: number): { parts: string[]; next: number } | undefined {
  const parts: string[] = [];
  let i = at;
  for (;;) {
    const token = t[i];
    if (!token || (token.kind !== "word" && token.kind !== "ident")) break;
    parts.push(token.value.toLowerCase());
    i += 1;
    if (t[i]?.value !== "." || parts.length === 3) break;
    i += 1;
  }
  return parts.length > 0 ? { parts, next: i } : undefined;
}

function statementsOf(tokens: Token[]): Token[][] {
  const statements: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === "other" && token.value === ";") statements.push([]);
    else statements[statements.length - 1]?.push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

const LEXEME =
  /(\s+)|(--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|'((?:[^']|'')*)'?|"((?:[^"]|"")*)"?|`((?:[^`]|``)*)`?|(\$(\w*)\$[\s\S]*?(?:\$\7\$|$))|([\p{L}_][\p{L}\p{N}_$]*)|(.)/suy;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  LEXEME.lastIndex = 0;
  for (let m = LEXEME.exec(sql); m && m[0] !== ""; m = LEXEME.exec(sql)) {
    const [text] = m;
    const start = m.index;
    const push = (kind: Token["kind"], value: string) =>
      tokens.push({ kind, value, line, start, end: start + text.length });
    if (m[3] !== undefined) push("string", m[3].replace(/''/g, "'"));
    else if (m[4] !== undefined) push("ident", m[4].replace(/""/g, '"'));
    else if (m[5] !== undefined) push("ident", m[5].replace(/``/g, "`"));
    else if (m[6] !== undefined) push("string", m[6].replace(/^\$\w*\$|\$\w*\$$/g, ""));
    else if (m[8] !== undefined) push("word", m[8].toUpperCase());
    else if (m[9] !== undefined) push("other", m[9]);
    line += text.split("\n").length - 1;
  }
  return tokens;
}
