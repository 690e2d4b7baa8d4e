import type { Catalog } from "../../catalog";
import type { CatalogTable } from "../../contract";
import type { Dataset } from "../../lake";
import type { IngestedCsv } from "./ingest-files";

/**
 * Registers `raw.movies` / `raw.series` in a catalog the local engine cannot read from (the Glue
 * Data Catalog of an aws target), so Athena and Glue can query RAW. The columns are the header's,
 * as strings (what Spark and Athena read from a CSV without a schema), the row count the
 * validator's, and whether any field is quoted (which picks the SerDe Athena reads it with). A catalog that cannot be reached is a warning: the files are in RAW either way.
 */
export async function registerRawTablesInCatalog(
  results: IngestedCsv[],
  catalog: Catalog,
  producedBy: { cell: string; notebook?: string },
  log: (level: "info" | "warn", text: string) => void,
): Promise<Map<Dataset, string>> {
  const registered = new Map<Dataset, string>();
  for (const result of results) {
    const { report } = result.source;
    const key = result.stored.key;
    const table: CatalogTable = {
      database: "raw",
      name: report.dataset,
      zone: "raw",
      location: key.slice(0, key.lastIndexOf("/") + 1),
      format: "csv",
      columns: report.columns.map((name) => ({ name, type: "VARCHAR" })),
      rows: report.rows,
      // Quoted fields need a quote-aware SerDe on Athena (aws/glue/table-input.ts, csvSerde).
      csvQuoted: report.quotedFields > 0,
      producedBy: { ...producedBy, inputs: [result.source.file.shown] },
      updatedAt: new Date().toISOString(),
    };
    try {
      await catalog.put(table);
      registered.set(report.dataset, `raw.${report.dataset}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
      log("warn", `raw.${report.dataset} was not registered in the catalog: ${reason}`);
    }
  }
  return registered;
}
