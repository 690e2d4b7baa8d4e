import { attachCatalog, LocalCatalog } from "../catalog";
import { LakebookError } from "../contract";
import { assertSafeKey } from "../lake";
import type { Workspace } from "./workspace";

/**
 * RAW is append-only, with one way out for a file ingested by mistake: the user removes that one
 * file, by its exact key, after a confirmation that names it. Nothing else is removable here: no
 * folder, no prefix, no other zone. The RAW tables reading the file's folder are kept in step: a
 * folder left empty loses its table, a folder with files left keeps it (its next read sees the rest).
 */
const RAW_FILE = /^Raw\/(?:Local\/CSV\/(?:Movies|Series)|TMDB\/JSON)\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/;

export interface RawFileRemoval {
  removed: string;
  tables: { table: string; action: "removed" | "kept" }[];
}

export async function removeRawFile(workspace: Workspace, key: string): Promise<RawFileRemoval> {
  assertSafeKey(key);
  if (!RAW_FILE.test(key)) {
    throw new LakebookError(
      "RAW_REMOVE_REFUSED",
      `${JSON.stringify(key)} is not a single file in the RAW zone.`,
      {
        hint: "Only one RAW file at a time can be removed, by its full key, e.g. Raw/Local/CSV/Movies/2026/11/25/movies-extra.csv. TRUSTED and REFINED tables are rebuilt by running their cells.",
        params: { key },
      },
    );
  }
  if (!(await workspace.store.head(key))) {
    throw new LakebookError("RAW_FILE_MISSING", `There is no file ${key} in the lake.`, {
      hint: "It may have been removed already: the lake browser lists what RAW holds now.",
      params: { key },
    });
  }
  await workspace.store.delete(key);
  const tables: RawFileRemoval["tables"] = [];
  for (const table of await workspace.catalog.list()) {
    if (table.zone !== "raw" || !key.startsWith(table.location)) continue;
    let left = false;
    for await (const _ of workspace.store.list(table.location)) {
      left = true;
      break;
    }
    const name = `${table.database}.${table.name}`;
    if (left) {
      tables.push({ table: name, action: "kept" });
      continue;
    }
    await workspace.catalog.remove(table.database, table.name);
    tables.push({ table: name, action: "removed" });
  }
  // DuckDB's views over the catalog must follow, or the next query reads a file that is gone.
  if (workspace.catalog instanceof LocalCatalog) {
    await attachCatalog(workspace.engine, workspace.catalog, workspace.lakeRoot);
  }
  return { removed: key, tables };
}
