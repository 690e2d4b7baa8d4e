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
 * Every error code a student meets in the ingest, TMDB, transform, SQL, checks, engine, catalog,
 * lake and course rooms has a pt-BR text. The codes are read from the source, so a new code thrown
 * there without a translation fails here: every literal given to `LakebookError(`, `refuse(` or a
 * `code:`, and every literal with one of the rooms' code prefixes (codes chosen by a ternary).
 */
const ROOT = path.resolve(import.meta.dirname, "../../../..");
const ROOMS = [
  "pipeline/stages/ingest",
  "pipeline/stages/tmdb",
  "pipeline/stages/transform",
  "pipeline/stages/sql",
  "pipeline/stages/checks",
  "pipeline/engine",
  "pipeline/catalog",
  "pipeline/lake",
  "pipeline/aws/athena",
  "pipeline/course",
];
const THROWN = /(?:LakebookError\(\s*|refuse\(\s*|\bcode:\s*)"([A-Z][A-Z0-9_]*)"/g;
const PREFIXED =
  /"((?:ATHENA|CATALOG|CHECKS?|COURSE|CSV|GLUE|INGEST|LAKE|RAW|S3|SPARK|SQL|TMDB|TRANSFORM)_[A-Z0-9_]+)"/g;
/** Literals with a code's shape that are not codes: environment variables. */
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
      for (const match of [...text.matchAll(THROWN), ...text.matchAll(PREFIXED)]) {
        const code = match[1] ?? "";
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
