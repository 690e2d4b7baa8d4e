/**
 * DuckDB-only SQL, found in a cell's text before it is sent to Athena (Trino), with what to write
 * instead so the same text runs on both engines. Read as text, without DuckDB: comments and strings
 * are blanked first (keeping line breaks, so places stay the editor's). A finding is a refusal to
 * send, not a guess at a translation: the student learns the common dialect once.
 */
export interface DialectFinding {
  /** 1-based, as the editor counts. */
  line: number;
  column: number;
  /** What was found, as written: `//`, `list_has_any(`, `GROUP BY decade`… */
  construct: string;
  /** What to write instead, valid on DuckDB and Athena alike. */
  instead: string;
}

interface Rule {
  pattern: RegExp;
  instead: string;
  /** `function`: the name before `(` decides; `literal`: a bare `[` that is not `ARRAY[`. */
  kind?: "function" | "literal";
}

const FUNCTIONS: Record<string, string> = {
  string_split: "split(text, ',')",
  str_split: "split(text, ',')",
  string_to_array: "split(text, ',')",
  string_split_regex: "regexp_split(text, pattern) on Athena only, or split(text, ',') on both",
  list_has_any: "contains(list, 'a') OR contains(list, 'b')",
  list_has_all: "contains(list, 'a') AND contains(list, 'b')",
  list_contains: "contains(list, value)",
  list_has: "contains(list, value)",
  array_has: "contains(list, value)",
  array_contains: "contains(list, value)",
  list_value: "ARRAY[a, b]",
  list_extract: "element_at(list, n)",
  list_element: "element_at(list, n)",
  list_aggregate: "an aggregate over UNNEST",
  array_length: "cardinality(list) on Athena (DuckDB: len): avoid, or count after UNNEST",
  len: "length(text)",
  strlen: "length(text)",
  regexp_matches: "text LIKE pattern (on both), or regexp_like on Athena only",
  strftime: "year(d), month(d), or CAST(d AS VARCHAR)",
  struct_pack: "a ROW or separate columns",
  epoch: "to_unixtime on Athena only: keep timestamps as they are",
  today: "current_date",
  read_csv: "a catalog table (database.table): Athena reads the tables the catalog knows",
  read_csv_auto: "a catalog table (database.table): Athena reads the tables the catalog knows",
  read_parquet: "a catalog table (database.table): Athena reads the tables the catalog knows",
  read_json: "a catalog table (database.table): Athena reads the tables the catalog knows",
  read_json_auto: "a catalog table (database.table): Athena reads the tables the catalog knows",
};

/** Any other `list_…(` is DuckDB's too. */
const LIST_FUNCTION = /^list_\w+$/i;

const RULES: Rule[] = [
  { pattern: /\/\//g, instead: "a - a % b for whole steps (the decade: year - year % 10), or floor(a / b)" },
  { pattern: /::\s*\w+/g, instead: "CAST(value AS type)" },
  { pattern: /==/g, instead: "=" },
  { pattern: /\bilike\b/gi, instead: "lower(text) LIKE lower(pattern)" },
  {
    pattern: /\b(?:group|order)\s+by\s+all\b/gi,
    instead: "the columns themselves, or their positions (GROUP BY 1, 2)",
  },
  { pattern: /\*\s*(?:exclude|replace)\s*\(/gi, instead: "the columns you want, listed" },
  { pattern: /\bqualify\b/gi, instead: "a window function in a subquery, filtered outside it" },
  { pattern: /\busing\s+sample\b/gi, instead: "TABLESAMPLE BERNOULLI (percent)" },
  { pattern: /\b(?:un)?pivot\b/gi, instead: "GROUP BY with one CASE per column" },
  { pattern: /(?:^|[\s,(=])(\[)/g, instead: "ARRAY[…] (a list literal both engines read)", kind: "literal" },
  { pattern: /\b([a-z_][a-z0-9_]*)\s*\(/gi, instead: "", kind: "function" },
];

export function duckdbOnlyConstructs(sql: string): DialectFinding[] {
  const text = blankKeepingLines(sql);
  const findings: { index: number; construct: string; instead: string }[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const found = match as RegExpExecArray;
      const index = found.index ?? 0;
      if (rule.kind === "function") {
        const name = (found[1] ?? "").toLowerCase();
        const instead =
          FUNCTIONS[name] ??
          (LIST_FUNCTION.test(name) ? "contains(list, value), cardinality or UNNEST" : undefined);
        if (instead) findings.push({ index, construct: `${found[1]}(`, instead });
        continue;
      }
      if (rule.kind === "literal") {
        // A bare `[` is DuckDB's list literal; `ARRAY[` is both engines'.
        const at = index + found[0].length - 1;
        if (!/array\s*$/i.test(text.slice(Math.max(0, at - 8), at))) {
          findings.push({ index: at, construct: "[", instead: rule.instead });
        }
        continue;
      }
      findings.push({ index, construct: found[0].trim(), instead: rule.instead });
    }
  }
  for (const alias of groupByAliases(text)) findings.push(alias);
  return findings
    .sort((a, b) => a.index - b.index)
    .map((finding) => ({
      ...place(sql, finding.index),
      construct: finding.construct,
      instead: finding.instead,
    }));
}

/**
 * `GROUP BY decade` where `decade` is a name the SELECT list gives (`… AS decade`): DuckDB accepts
 * it, Trino groups by input columns only. Read per SELECT … GROUP BY stretch.
 */
function groupByAliases(text: string): { index: number; construct: string; instead: string }[] {
  const found: { index: number; construct: string; instead: string }[] = [];
  for (const group of text.matchAll(/\bgroup\s+by\b/gi)) {
    const start = group.index ?? 0;
    const select = text.slice(0, start).search(/\bselect\b(?![\s\S]*\bselect\b)/i);
    if (select < 0) continue;
    const selectList = text.slice(select, start);
    const aliases = new Map<string, string>();
    for (const alias of selectList.matchAll(/([^,\s][^,]*?)\s+as\s+([a-z_][a-z0-9_]*)\b/gi)) {
      const expression = (alias[1] ?? "").trim().split(/\s+/).at(-1) ?? "";
      const name = (alias[2] ?? "").toLowerCase();
      // `t.year AS year` keeps a column's own name: grouping by it is grouping by the column.
      if (expression.split(".").at(-1)?.toLowerCase() !== name) aliases.set(name, alias[2] ?? name);
    }
    const tail = text.slice(start + group[0].length);
    const end = tail.search(/\b(having|order|limit|window|union|intersect|except)\b|[);]/i);
    const items = tail.slice(0, end < 0 ? tail.length : end);
    let offset = start + group[0].length;
    for (const item of items.split(",")) {
      const name = item.trim();
      if (aliases.has(name.toLowerCase())) {
        found.push({
          index: offset + item.indexOf(name),
          construct: `GROUP BY ${name}`,
          instead: `GROUP BY the expression named ${name}, or its position in the SELECT list (GROUP BY 1)`,
        });
      }
      offset += item.length + 1;
    }
  }
  return found;
}

/** Comments and strings as spaces, line breaks kept, so every index is a place in the cell. */
function blankKeepingLines(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (match) =>
    match.replace(/[^\n]/g, " "),
  );
}

function place(sql: string, index: number): { line: number; column: number } {
  const before = sql.slice(0, index).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
