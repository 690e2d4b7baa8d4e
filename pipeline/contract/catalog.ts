import { z } from "zod";

export const ZoneSchema = z.enum(["raw", "trusted", "refined"]);
export type Zone = z.infer<typeof ZoneSchema>;

export const ColumnSchema = z.object({ name: z.string(), type: z.string() });
export type Column = z.infer<typeof ColumnSchema>;

export const ForeignKeySchema = z.object({
  columns: z.array(z.string()).min(1),
  references: z.object({ table: z.string(), columns: z.array(z.string()).min(1) }),
});

/** Which cell made a table and from what: the lineage the lake browser draws. */
export const ProducedBySchema = z.object({
  notebook: z.string().optional(),
  cell: z.string(),
  inputs: z.array(z.string()),
});

/**
 * One table as the catalog knows it: the local catalog and the Glue Data Catalog both map to this.
 * `location` is the key prefix in the lake (bucket-relative), `rows` is null when unknown.
 */
export const CatalogTableSchema = z.object({
  database: z.string(),
  name: z.string(),
  zone: ZoneSchema,
  location: z.string(),
  format: z.enum(["parquet", "csv", "json"]),
  columns: z.array(ColumnSchema),
  partitionKeys: z.array(ColumnSchema).optional(),
  rows: z.number().int().nonnegative().nullable(),
  role: z.enum(["fact", "dimension", "bridge"]).optional(),
  primaryKey: z.array(z.string()).optional(),
  foreignKeys: z.array(ForeignKeySchema).optional(),
  producedBy: ProducedBySchema.nullable(),
  updatedAt: z.string().optional(),
  /**
   * CSV only: whether the ingest validator found quoted fields (`"a|b"`). Athena then reads the table
   * with OpenCSVSerDe, which reads quotes as DuckDB and Spark do; without quotes, LazySimpleSerDe.
   */
  csvQuoted: z.boolean().optional(),
  /**
   * RAW's dated folders as a partition: files under `<location>/YYYY/MM/DD/` (the challenge's paths,
   * not `key=value`), the folder path `2026/01/05` being the value of partition key `column`. Athena
   * reads it through partition projection (`storage.location.template`), from `first` (same form) to
   * today; the local engine takes it from each file's path.
   */
  dateFolders: z.object({ column: z.string(), first: z.string().regex(/^\d{4}\/\d{2}\/\d{2}$/) }).optional(),
  /**
   * An Athena view (Glue's VIRTUAL_VIEW): no files of its own (`location` is ""), its columns, and
   * the SQL it runs, from which the tables it reads are known.
   */
  view: z.object({ sql: z.string() }).optional(),
});
export type CatalogTable = z.infer<typeof CatalogTableSchema>;
