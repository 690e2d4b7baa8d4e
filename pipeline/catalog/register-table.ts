import path from "node:path";
import { type CatalogTable, CatalogTableSchema } from "../contract/catalog";
import type { Engine } from "../engine";
import type { SwapFollowUp } from "../lake/folder-swap";
import type { Catalog } from "./catalog";
import { describeTableFiles } from "./describe";

/** What the catalog records about a written table before its files are read: all but what they say. */
export const TableRegistrationSchema = CatalogTableSchema.omit({
  columns: true,
  partitionKeys: true,
  rows: true,
  updatedAt: true,
});
export type TableRegistration = ReturnType<typeof TableRegistrationSchema.parse>;

/** The catalog's entry for a swap's follow-up (`lake/folder-swap.ts`): plain JSON in the intent file. */
export interface RegistrationFollowUp {
  catalogTable: TableRegistration;
}

/**
 * Describes the files at the registration's location and puts the table in the catalog.
 * `partitionFolders: false` when the writer knows it made no `key=value` folders there.
 */
export async function registerTable(
  registration: TableRegistration,
  engine: Engine,
  catalog: Catalog,
  lakeRoot: string,
  options: { partitionFolders?: boolean } = {},
): Promise<CatalogTable> {
  const described = await describeTableFiles(engine, lakeRoot, registration, undefined, options);
  const table: CatalogTable = {
    ...registration,
    columns: described.columns,
    ...(described.partitionKeys.length > 0 ? { partitionKeys: described.partitionKeys } : {}),
    rows: described.rows,
    updatedAt: new Date().toISOString(),
  };
  await catalog.put(table);
  return table;
}

/**
 * After a crash: the tables whose new files were swapped in while their catalog entry still
 * described the old ones (the process died in between) are registered now, and their swaps settled.
 * A follow-up that is not a registration of the swapped folder is settled without acting on it; one
 * that fails (unreadable files) is left for the next start. Returns the tables registered.
 */
export async function registerSwappedTables(
  followUps: readonly SwapFollowUp[],
  engine: Engine,
  catalog: Catalog,
  lakeRoot: string,
): Promise<string[]> {
  const registered: string[] = [];
  for (const followUp of followUps) {
    const parsed = TableRegistrationSchema.safeParse(
      (followUp.followUp as Partial<RegistrationFollowUp> | null)?.catalogTable,
    );
    const sameFolder = parsed.success && folderOf(parsed.data.location) === folderOf(followUp.table);
    if (!parsed.success || !sameFolder) {
      await followUp.settle();
      continue;
    }
    try {
      const table = await registerTable(parsed.data, engine, catalog, lakeRoot);
      registered.push(`${table.database}.${table.name}`);
      await followUp.settle();
    } catch {
      // Left in place: the next start tries again; the table stays readable under its old entry.
    }
  }
  return registered;
}

/** A lake folder compared without its trailing slash: catalog locations end in one, swap intents do not. */
function folderOf(location: string): string {
  return path.normalize(location).replace(/[\\/]+$/, "");
}
