import { readdir } from "node:fs/promises";
import path from "node:path";
import { attachCatalog, type Catalog, describeTableFiles } from "../../catalog";
import type { CatalogTable } from "../../contract";
import type { Engine } from "../../engine";
import type { Dataset } from "../../lake";
import type { IngestedCsv } from "./ingest-files";

export interface RawTableTarget {
  catalog: Catalog;
  engine: Engine;
  lakeRoot: string;
  producedBy: { cell: string; notebook?: string };
  log?: (level: "info" | "warn", text: string) => void;
}

/**
 * Registers `raw.movies` / `raw.series` over the files just ingested, so the next cells can query
 * them (`SELECT … FROM raw.movies`). The location is the exact date folder
 * (`Raw/Local/CSV/Movies/2026/11/25/`), not the dataset folder: the table reads every CSV below
 * its location, so the dataset folder would add up every day's copy of the same file after a
 * re-ingest on another date. Ingesting again moves the table to the newest folder; older days
 * stay in RAW as history. Returns `raw.<dataset>` per registered dataset.
 */
export async function registerRawTables(
  results: IngestedCsv[],
  target: RawTableTarget,
): Promise<Map<Dataset, string>> {
  const registered = new Map<Dataset, string>();
  const byDataset = new Map<Dataset, IngestedCsv[]>();
  for (const result of results) {
    const dataset = result.source.report.dataset;
    byDataset.set(dataset, [...(byDataset.get(dataset) ?? []), result]);
  }
  for (const [dataset, files] of byDataset) {
    const first = files[0];
    if (!first) continue;
    const location = first.stored.key.slice(0, first.stored.key.lastIndexOf("/") + 1);
    const table: CatalogTable = {
      database: "raw",
      name: dataset,
      zone: "raw",
      location,
      format: "csv",
      columns: first.source.report.columns.map((name) => ({ name, type: "VARCHAR" })),
      rows: null,
      producedBy: {
        cell: target.producedBy.cell,
        ...(target.producedBy.notebook ? { notebook: target.producedBy.notebook } : {}),
        inputs: files.map((file) => file.source.file.shown),
      },
      updatedAt: new Date().toISOString(),
    };
    try {
      // DuckDB's own reading of the files: the column types and row count later SQL will see. The
      // validator counts rows as DuckDB does, so when the folder holds only these files and none
      // has a warning its count stands in for DuckDB's (a full scan); otherwise DuckDB counts.
      // The folder holding only these files also means no partition folders to look for.
      const alone = (await readdir(path.join(target.lakeRoot, location))).length === files.length;
      const counted =
        alone && files.every((file) => file.source.report.warningCount === 0)
          ? files.reduce((sum, file) => sum + file.source.report.rows, 0)
          : undefined;
      const described = await describeTableFiles(target.engine, target.lakeRoot, table, counted, {
        partitionFolders: !alone,
      });
      table.columns = described.columns;
      table.rows = described.rows;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
      target.log?.(
        "warn",
        `DuckDB cannot read ${location} as the challenge's CSV (${reason}); raw.${dataset} is registered, but queries on it will fail until the lines named in the warnings are fixed at the source.`,
      );
    }
    await target.catalog.put(table);
    registered.set(dataset, `raw.${dataset}`);
  }
  if (registered.size > 0) {
    const report = await attachCatalog(target.engine, target.catalog, target.lakeRoot);
    for (const problem of report.problems) {
      if (problem.table && [...registered.values()].includes(problem.table)) {
        target.log?.("warn", problem.message.split("\n", 1)[0] ?? problem.message);
      }
    }
  }
  return registered;
}
