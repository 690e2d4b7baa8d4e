/**
 * What DuckDB said, read from its structured error. The engine runs with `errors_as_json`, so a
 * message is `{"exception_type": ..., "exception_message": ..., "position": ...}`, sometimes behind
 * a prefix added by the Node binding ("Failed to extract statements: Parser Error: {...}").
 * Plain-text errors (older paths, the binding itself) fall back to the "<Type> Error: text" form.
 */
export interface DuckDBErrorInfo {
  /** DuckDB's exception type: "Parser", "Catalog", "Binder", "Conversion", "Out of Memory", "INTERRUPT", "IO", ... */
  type: string;
  message: string;
  subtype?: string;
  /** Character (code point) offset into the whole SQL text, as DuckDB counts it. */
  position?: number;
  /** The missing entry's name and kind ("Table", "Scalar Function", ...) for catalog errors. */
  name?: string;
  entryType?: string;
  candidates?: string;
}

export function readDuckDBError(error: unknown): DuckDBErrorInfo {
  const text = error instanceof Error ? error.message : String(error);
  const json = parseJsonTail(text);
  if (json && typeof json.exception_type === "string") {
    const position = Number(json.position);
    return {
      type: json.exception_type,
      message: String(json.exception_message ?? text),
      ...(typeof json.error_subtype === "string" ? { subtype: json.error_subtype } : {}),
      ...(Number.isInteger(position) && position >= 0 ? { position } : {}),
      ...(typeof json.name === "string" ? { name: json.name } : {}),
      ...(typeof json.type === "string" ? { entryType: json.type } : {}),
      ...(typeof json.candidates === "string" ? { candidates: json.candidates } : {}),
    };
  }
  const plain = /^(?:.*?: )?([A-Za-z ]+?) Error: ([\s\S]*)$/.exec(text);
  return plain?.[1] && plain[2] !== undefined
    ? { type: plain[1], message: plain[2] }
    : { type: "Unknown", message: text };
}

function parseJsonTail(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  try {
    const value: unknown = JSON.parse(text.slice(start));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** 1-based line and column of a DuckDB position, plus the line's text for the hint. */
export function locate(sql: string, position: number): { line: number; column: number; text: string } {
  const chars = Array.from(sql);
  const lines = chars.slice(0, position).join("").split("\n");
  const line = lines.length;
  const column = Array.from(lines.at(-1) ?? "").length + 1;
  return { line, column, text: sql.split("\n")[line - 1] ?? "" };
}
