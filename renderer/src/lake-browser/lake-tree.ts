import type { CatalogTable } from "../../../pipeline/contract";

export interface LakeFile {
  name: string;
  key: string;
  size: number;
  lastModified: string;
}

export interface LakeFolder {
  name: string;
  path: string;
  /** Bytes of everything below, and how many files. */
  size: number;
  count: number;
  folders: LakeFolder[];
  files: LakeFile[];
}

/** Object keys under `prefix` as a folder tree with sizes summed upwards, folders and files sorted by name. */
export function buildLakeTree(
  prefix: string,
  objects: readonly { key: string; size: number; lastModified: string }[],
): LakeFolder {
  const root: LakeFolder = {
    name: prefix.replace(/\/$/, ""),
    path: prefix,
    size: 0,
    count: 0,
    folders: [],
    files: [],
  };
  for (const object of objects) {
    if (!object.key.startsWith(prefix)) continue;
    const parts = object.key.slice(prefix.length).split("/").filter(Boolean);
    const fileName = parts.pop();
    if (!fileName) continue;
    let folder = root;
    folder.size += object.size;
    folder.count++;
    for (const part of parts) {
      let next = folder.folders.find((f) => f.name === part);
      if (!next) {
        next = { name: part, path: `${folder.path}${part}/`, size: 0, count: 0, folders: [], files: [] };
        folder.folders.push(next);
      }
      folder = next;
      folder.size += object.size;
      folder.count++;
    }
    folder.files.push({
      name: fileName,
      key: object.key,
      size: object.size,
      lastModified: object.lastModified,
    });
  }
  const sort = (folder: LakeFolder) => {
    folder.folders.sort((a, b) => a.name.localeCompare(b.name));
    folder.files.sort((a, b) => a.name.localeCompare(b.name));
    folder.folders.forEach(sort);
  };
  sort(root);
  return root;
}

export interface CatalogMatch {
  table: CatalogTable;
  /** Set when the match is a column of the table rather than its name. */
  column?: string;
}

/** Tables whose `db.name` contains the query, then columns whose name does; case-insensitive. */
export function searchCatalog(tables: readonly CatalogTable[], query: string): CatalogMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const byName: CatalogMatch[] = [];
  const byColumn: CatalogMatch[] = [];
  for (const table of tables) {
    if (`${table.database}.${table.name}`.toLowerCase().includes(q)) byName.push({ table });
    for (const column of [...table.columns, ...(table.partitionKeys ?? [])]) {
      if (column.name.toLowerCase().includes(q)) byColumn.push({ table, column: column.name });
    }
  }
  return [...byName, ...byColumn];
}

export const qualifiedName = (table: Pick<CatalogTable, "database" | "name">) =>
  `${table.database}.${table.name}`;
