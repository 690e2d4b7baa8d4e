/**
 * Column types as Spark, Glue and Athena spell them (`string`, `bigint`, `array<string>`), from the
 * DuckDB names the local catalog and results carry (`VARCHAR`, `BIGINT`, `VARCHAR[]`). The one
 * mapping: the Glue catalog writes it, and the UI shows lake tables in the types students meet on AWS.
 * Pure (the renderer imports it too). Hive names (lower case) pass through unchanged.
 */
const DUCKDB_TO_HIVE: Record<string, string> = {
  VARCHAR: "string",
  TEXT: "string",
  BIGINT: "bigint",
  INTEGER: "int",
  SMALLINT: "smallint",
  TINYINT: "tinyint",
  HUGEINT: "decimal(38,0)",
  UBIGINT: "decimal(20,0)",
  UINTEGER: "bigint",
  USMALLINT: "int",
  UTINYINT: "smallint",
  DOUBLE: "double",
  FLOAT: "float",
  REAL: "float",
  BOOLEAN: "boolean",
  DATE: "date",
  TIMESTAMP: "timestamp",
  "TIMESTAMP WITH TIME ZONE": "timestamp",
  BLOB: "binary",
};

export function hiveType(type: string): string {
  const trimmed = type.trim();
  if (trimmed.endsWith("[]")) return `array<${hiveType(trimmed.slice(0, -2))}>`;
  const mapped = DUCKDB_TO_HIVE[trimmed.toUpperCase()];
  if (mapped && trimmed === trimmed.toUpperCase()) return mapped;
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/i.exec(trimmed);
  if (decimal) return `decimal(${decimal[1]},${decimal[2]})`;
  const struct = /^STRUCT\((.*)\)$/is.exec(trimmed);
  if (struct && trimmed.startsWith("STRUCT")) {
    const fields = topLevel(struct[1] ?? "").map((field) => {
      const [, name = "", inner = ""] = /^\s*("(?:[^"]|"")*"|\S+)\s+(.*)$/s.exec(field) ?? [];
      return `${name.replace(/^"|"$/g, "")}:${hiveType(inner)}`;
    });
    return `struct<${fields.join(",")}>`;
  }
  const map = /^MAP\((.*)\)$/is.exec(trimmed);
  if (map && trimmed.startsWith("MAP")) {
    const [key = "", value = ""] = topLevel(map[1] ?? "");
    return `map<${hiveType(key)},${hiveType(value)}>`;
  }
  return trimmed.toLowerCase();
}

/** Splits on the commas outside parentheses: `a INTEGER, b STRUCT(c VARCHAR, d INTEGER)`. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}
