import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";

export interface EngineOptions {
  /** DuckDB `memory_limit`, e.g. "2GB". Past it DuckDB spills to `tempDirectory` or fails with OUT_OF_MEMORY. */
  memoryLimit?: string;
  /** Worker threads; default min(4, cores) so a notebook leaves the desktop responsive. */
  threads?: number;
  /** Where DuckDB spills; default a per-engine folder under the OS temp dir, never the lake or the CWD. */
  tempDirectory?: string;
  /** How many query results stay pageable before the least recently used is dropped (default 32). */
  maxResults?: number;
  /**
   * Folders SQL may read and write; anything else (other files, URLs, ATTACH, extensions) is
   * refused with SQL_PATH_REFUSED, and the setting is locked so SQL cannot undo it. A workspace
   * passes its lake, the notebook's data folder and its state folder. Unset: no confinement.
   */
  confineTo?: readonly string[];
}

export const DEFAULT_MEMORY_LIMIT = "2GB";
export const DEFAULT_MAX_RESULTS = 32;

let engineSerial = 0;

/**
 * The statements that confine an engine to `folders` (plus its spill folder), run once at open.
 * Trailing separators make DuckDB match whole folder names: `/lake/` does not admit `/lake-other`.
 */
export function confinementStatements(folders: readonly string[], tempDirectory: string): string[] {
  const allowed = [...folders, tempDirectory].map((folder) => {
    const posix = path.resolve(folder).split(path.sep).join("/");
    return `'${(posix.endsWith("/") ? posix : `${posix}/`).replaceAll("'", "''")}'`;
  });
  return [
    `SET allowed_directories = [${allowed.join(", ")}]`,
    "SET enable_external_access = false",
    "SET lock_configuration = true",
  ];
}

/** EngineOptions → DuckDB config strings, with every default decided here. */
export function duckdbConfig(options: EngineOptions): Record<string, string> {
  const threads = options.threads ?? Math.min(4, availableParallelism());
  engineSerial += 1;
  return {
    memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
    threads: String(threads),
    // An in-memory DuckDB otherwise spills into `.tmp` under the CWD: the user's notebook folder.
    temp_directory:
      options.tempDirectory ?? path.join(tmpdir(), `lakebook-duckdb-${process.pid}-${engineSerial}`),
    // Structured errors carry the exception type, subtype and character position: ./errors reads them.
    errors_as_json: "true",
  };
}
