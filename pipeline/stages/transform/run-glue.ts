import path from "node:path";
import {
  type GlueTransformOutcome,
  isSparkErrorLine,
  lakebookParameters,
  runGlueTransform,
  type TransformSpec,
} from "../../aws/glue";
import type { CatalogTable } from "../../contract";
import type { AwsTarget } from "../../document";
import type { StageContext } from "../stage";
import { type ResolvedInput, resolveInputs } from "./inputs";
import type { TransformSettings } from "./settings";
import { outputLocation } from "./table-location";

export interface GlueTransformResult {
  table: CatalogTable;
  inputs: ResolvedInput[];
  glue: GlueTransformOutcome;
}

/**
 * Runs a transform cell as an AWS Glue job. Glue runs the cell's Spark SQL as written (no
 * translation); inputs become S3 paths with the same reader options a local run uses, and the
 * runner itself creates or updates the Glue Data Catalog table with the lineage parameters.
 */
export async function runTransformOnGlue(
  cellId: string,
  settings: TransformSettings,
  context: StageContext,
  target: AwsTarget,
  /** Tests pass an instant sleep so Glue's polling does not wait. */
  options: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<GlueTransformResult> {
  const inputs = await resolveInputs(settings.inputs, context.catalog, cellId);
  const prefix = normalisedPrefix(target.prefix);
  const base = `s3://${target.bucket}/${prefix}`;
  const location = outputLocation(settings, inputs);
  const notebook = context.notebookPath ? path.basename(context.notebookPath) : undefined;
  const planned: CatalogTable = {
    database: settings.output.database,
    name: settings.output.table,
    zone: settings.output.database,
    location,
    format: "parquet",
    columns: [],
    rows: null,
    ...(settings.role ? { role: settings.role } : {}),
    ...(settings.primaryKey ? { primaryKey: settings.primaryKey } : {}),
    ...(settings.foreignKeys ? { foreignKeys: settings.foreignKeys } : {}),
    producedBy: {
      ...(notebook ? { notebook } : {}),
      cell: cellId,
      inputs: inputs.map((i) => i.table ?? i.path),
    },
  };
  const spec: TransformSpec = {
    cellId,
    sql: settings.sql,
    inputs: Object.fromEntries(
      inputs.map((input) => [
        input.name,
        {
          path: `${base}${input.path}`,
          format: input.format,
          options: input.options,
          ...(input.dateColumn ? { dateColumn: input.dateColumn } : {}),
        },
      ]),
    ),
    output: {
      database: settings.output.database,
      table: settings.output.table,
      path: `${base}${location}`,
      partitionBy: settings.partitionBy,
      mode: settings.mode,
      ...(settings.description ? { description: settings.description } : {}),
      tableParameters: lakebookParameters(planned),
    },
  };
  let states = 0;
  const glue = await runGlueTransform({
    spec,
    target: {
      bucket: target.bucket,
      prefix,
      job: { role: target.glueRole ?? "", ...settings.glue },
    },
    clients: { glue: context.aws.glue(), s3: context.aws.s3(), logs: context.aws.logs() },
    ...(settings.glueScript ? { scriptPath: path.resolve(context.baseDir, settings.glueScript) } : {}),
    signal: context.signal,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    onState: (state) => {
      states += 1;
      context.progress({ done: states, unit: "steps", message: `Glue job ${state}` });
    },
    // Spark's error log is what says why a run failed: shown as warnings, not lost among info lines.
    onLog: (line) => context.log(isSparkErrorLine(line) ? "warn" : "info", line.message),
  });
  const table = (await context.catalog.get(settings.output.database, settings.output.table)) ?? {
    ...planned,
    location: glue.result?.location ?? location,
    rows: glue.result?.rows ?? null,
  };
  return { table, inputs, glue };
}

function normalisedPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "" : `${trimmed}/`;
}
