import { z } from "zod";

/**
 * Where Athena queries run, as the notebook's AWS target names it (`workgroup`, `athenaOutput`).
 * Labels are written for the UI's settings form; no credentials here, ever.
 */
export const AthenaSettingsSchema = z.object({
  workgroup: z.string().min(1).default("primary").describe("Athena workgroup, e.g. primary"),
  outputLocation: z
    .string()
    .regex(/^s3:\/\/[^/]+(\/.*)?$/, "must be an s3:// URI")
    .optional()
    .describe(
      "S3 URI for query results, e.g. s3://my-bucket/athena-results/ (unless the workgroup sets one)",
    ),
  database: z
    .string()
    .min(1)
    .optional()
    .describe("Default database for unqualified table names, e.g. refined"),
  catalog: z
    .string()
    .min(1)
    .default("AwsDataCatalog")
    .describe("Data catalog: AwsDataCatalog is the Glue Data Catalog"),
});
export type AthenaSettings = z.infer<typeof AthenaSettingsSchema>;
