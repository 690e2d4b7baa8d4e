import type { Catalog } from "../catalog";
import type { Row } from "../contract";
import type { Notebook, Target } from "../document";
import type { ObjectInfo, ObjectStore } from "../lake";

/**
 * What the rules look at: the student's notebook, the lake (local folder or S3 bucket) and the
 * catalog (local or Glue), all behind the interfaces the stages write through, so one rule book
 * serves both targets. `sql` answers questions about table contents: DuckDB over the local catalog,
 * or Athena on an aws target; a rule that needs it and has none says so in its evidence.
 */
export interface CourseLake {
  notebook: Notebook;
  notebookPath: string | null;
  /** The notebook's folder: the project that is scanned for credentials, where cells' files resolve. */
  baseDir: string;
  target: Target;
  /** The local lake folder, when the lake is one; skipped by the project scan (the store scans it). */
  lakeRoot?: string;
  store: ObjectStore;
  catalog: Catalog;
  sql?: (query: string) => Promise<Row[]>;
  /** Where `sql` runs: on Athena every query is billed (10 MB at least), so the check counts them. */
  sqlEngine?: "duckdb" | "athena";
  /**
   * The SQL the TMDB stage selects with when its cell has no `select:` (the stage's default, which
   * the service passes in: course mode does not import stages). Without it, such a cell fails
   * `tmdb.selected` with a hint to write the select into the cell.
   */
  defaultTmdbSelect?: string;
  /** Called after a reset removed catalog tables, so the engine stops showing them. */
  refreshCatalog?: () => Promise<void>;
}

/** Every object under a prefix, in key order. */
export async function listAll(store: ObjectStore, prefix: string): Promise<ObjectInfo[]> {
  const found: ObjectInfo[] = [];
  for await (const info of store.list(prefix)) found.push(info);
  return found;
}

/** A number read from a row, whatever width the engine gave it (BIGINT arrives as a string). */
export function numberOf(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}
