import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestWarningCodeSchema, LakebookError } from "../../../../pipeline/contract";
import {
  ERROR_MESSAGES_PT_BR,
  errorText,
  INGEST_WARNINGS_PT_BR,
  ingestWarningText,
} from "../../../../renderer/src/i18n/messages-errors";

/**
 * Every error code the pipeline can throw has a pt-BR text. The codes are read from the source, so
 * a new code thrown anywhere in pipeline/ without a translation fails here: every literal given to
 * `LakebookError(`, `NotebookFileError(`, `refuse(` or a `code:`, every literal with one of the
 * rooms' code prefixes (codes chosen by a ternary), and the shared kinds each AWS service's error
 * table derives from its `prefix:` (aws/sdk-error-table.ts: `<P>_ACCESS_DENIED`, `<P>_THROTTLED`,
 * `<P>_UNAVAILABLE`).
 */
const ROOT = path.resolve(import.meta.dirname, "../../../..");
const ROOMS = ["pipeline"];
const THROWN = /(?:(?:LakebookError|NotebookFileError)\(\s*|refuse\(\s*|\bcode:\s*)"([A-Z][A-Z0-9_]*)"/g;
const PREFIXED =
  /"((?:ATHENA|CATALOG|CHART|CHECKS?|COURSE|CSV|GLUE|INGEST|LAKE|LAMBDA|NOTEBOOK|PUBLISH|QUICKSIGHT|RAW|S3|SECRETS?|SPARK|SQL|TMDB|TRANSFORM)_[A-Z0-9_]+)"/g;
const SHARED_KIND_PREFIX = /\bprefix:\s*"([A-Z]+)"/g;
const SHARED_KINDS = ["ACCESS_DENIED", "THROTTLED", "UNAVAILABLE"];
const NOT_CODES = new Set(["TMDB_READ_ACCESS_TOKEN", "TMDB_API_KEY"]);
const WARNINGS = new Set<string>(IngestWarningCodeSchema.options);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith(".ts") ? [file] : [];
  });
}

function codesFromSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const room of ROOMS) {
    for (const file of sources(path.join(ROOT, room))) {
      const text = readFileSync(file, "utf8");
      const shared = [...text.matchAll(SHARED_KIND_PREFIX)].flatMap((match) =>
        SHARED_KINDS.map((kind) => `${match[1]}_${kind}`),
      );
      const literal = [...text.matchAll(THROWN), ...text.matchAll(PREFIXED)].map((match) => match[1] ?? "");
      for (const code of [...literal, ...shared]) {
        if (NOT_CODES.has(code) || WARNINGS.has(code) || found.has(code)) continue;
        found.set(code, path.relative(ROOT, file));
      }
    }
  }
  return found;
}

describe("the pipeline's errors in pt-BR", () => {
  it("has a text for every code the rooms can throw", () => {
    const codes = codesFromSource();
    // The reading itself works: codes of each room are found.
    for (const code of ["CSV_WRONG_DELIMITER", "SQL_PARSE", "SPARK_SQL_UNSUPPORTED", "TMDB_UNAUTHORIZED"]) {
      expect(codes.has(code)).toBe(true);
    }
    expect(codes.has("CHECKS_ENGINE_UNKNOWN")).toBe(true); // thrown through a ternary
    expect(codes.has("LAMBDA_THROTTLED")).toBe(true); // a shared kind of an AWS service's table
    expect(codes.has("NOTEBOOK_PARSE")).toBe(true); // a place in the notebook file
    const missing = [...codes].filter(([code]) => !ERROR_MESSAGES_PT_BR[code]).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });

  it("has a text for every ingest warning", () => {
    expect(Object.keys(INGEST_WARNINGS_PT_BR).sort()).toEqual([...WARNINGS].sort());
  });

  it("says an error by code with its params, keeping the English specifics apart", () => {
    const error = new LakebookError("CSV_WRONG_DELIMITER", "movies.csv: the header has no |", {
      hint: "English hint",
      params: { file: "movies.csv" },
    }).toJSON();
    expect(errorText("pt-BR", error)).toEqual({
      message: "O arquivo movies.csv não usa | como separador.",
      hint: expect.stringContaining("separados por | (pipe)"),
      translated: true,
    });
    expect(errorText("en", error)).toEqual({
      message: error.message,
      hint: "English hint",
      translated: false,
    });
  });

  it("keeps the English hint where the table has none (it carries the SQL and its caret)", () => {
    const parse = {
      code: "SQL_PARSE",
      message: "Syntax error at line 1",
      hint: "SELEC 1\n^",
      retryable: false,
    };
    expect(errorText("pt-BR", parse)).toEqual({
      message: "Erro de sintaxe no SQL.",
      hint: "SELEC 1\n^",
      translated: true,
    });
  });

  it("falls back to English for an unknown code, or a template whose params did not come", () => {
    const unknown = { code: "A_NEWER_CODE", message: "as sent", retryable: false };
    expect(errorText("pt-BR", unknown)).toEqual({ message: "as sent", hint: undefined, translated: false });
    const noParams = { code: "CSV_EMPTY", message: "x.csv: empty", retryable: false };
    expect(errorText("pt-BR", noParams).message).toBe("x.csv: empty");
    expect(ingestWarningText("pt-BR", "TOO_MANY_FIELDS", "line 3: 17 fields")).toContain("mais campos");
    expect(ingestWarningText("pt-BR", "SOMETHING_NEW", "as sent")).toBe("as sent");
  });
});
