import { LakebookError } from "../../contract";
import { quoteIdentifier, tableReferences } from "../../engine";
import type { Stage, StageOutcome } from "../stage";
import { glueRoleNote, withRolePolicyHint } from "./glue-role-note";
import { pysparkScript } from "./pyspark-script";
import { runTransformOnGlue } from "./run-glue";
import { runTransformLocally } from "./run-local";
import { parseTransformSettings, type TransformSettings } from "./settings";
import { outputLocation } from "./table-location";
import { transformReport } from "./transform-report";

/**
 * The transform cell: Spark SQL from RAW or TRUSTED into a TRUSTED or REFINED Parquet table,
 * registered in the catalog with its lineage. Locally on DuckDB; on an AWS target, as a Glue job.
 */
export const transformStage: Stage = {
  run: async (cell, context): Promise<StageOutcome> => {
    const settings = parseTransformSettings(cell);
    const target = context.target;
    if (target.kind === "aws") {
      if (!target.glueRole) {
        throw new LakebookError(
          "GLUE_ROLE_MISSING",
          `Transform cell "${cell.id}" runs on AWS Glue, which needs an IAM role.`,
          {
            hint: "Add glueRole: <role name or ARN> to the notebook's target (the role needs AWSGlueServiceRole and the lake's policy, shown in the output of a Glue run).",
            params: { cell: cell.id },
          },
        );
      }
      const result = await runTransformOnGlue(cell.id, settings, context, target).catch((error: unknown) => {
        throw withRolePolicyHint(error, target);
      });
      const script = pysparkScript(
        settings,
        result.inputs,
        result.table.location,
        `s3://${target.bucket}/${target.prefix ?? ""}`,
      );
      return transformReport({
        table: result.table,
        pyspark: script,
        notes: [glueRoleNote(target)],
        glue: result.glue,
      });
    }
    if (settings.glueScript) {
      throw new LakebookError(
        "TRANSFORM_SCRIPT_AWS_ONLY",
        `Transform cell "${cell.id}" names its own PySpark script, which runs on AWS Glue only.`,
        {
          hint: "Point the notebook's target at AWS (kind: aws) to run it, or remove glueScript to run the cell's SQL locally.",
          params: { cell: cell.id },
        },
      );
    }
    const result = await runTransformLocally(cell.id, settings, context);
    const script = pysparkScript(settings, result.inputs, outputLocation(settings, result.inputs));
    const { table } = result;
    const preview = await context.engine.query(
      `SELECT * FROM ${quoteIdentifier(table.database)}.${quoteIdentifier(table.name)} LIMIT ${PREVIEW_ROWS}`,
      { signal: context.signal },
    );
    return transformReport({
      table,
      pyspark: script,
      notes: result.notes,
      preview,
      malformed: result.malformed,
    });
  },
  dependencies: (cell) => {
    try {
      const settings = parseTransformSettings(cell);
      return { reads: readsOf(settings), writes: [`${settings.output.database}.${settings.output.table}`] };
    } catch {
      return { reads: [], writes: [] };
    }
  },
};

/** The first rows of the new table, for the output; the table itself stays in the lake. */
const PREVIEW_ROWS = 100;

function readsOf(settings: TransformSettings): string[] {
  const tables = Object.values(settings.inputs).flatMap((input) =>
    input.kind === "table" ? [input.table] : [],
  );
  const inSql = tableReferences(settings.sql).reads.filter((name) => name.includes("."));
  return [...new Set([...tables, ...inSql])].sort();
}
