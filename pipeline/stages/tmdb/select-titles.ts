import { runAthenaQuery } from "../../aws/athena";
import type { StageContext } from "../stage";
import { readSelection, type Selection, selectionFromChunks } from "./enrich";

/**
 * The cell's select: on the local engine for a local lake, on Athena for an aws target (RAW is in
 * S3 there, registered in the Glue Data Catalog by the ingest cell, so the SQL is Athena's).
 */
export async function selectTitles(sql: string, context: StageContext): Promise<Selection> {
  const target = context.target;
  if (target.kind !== "aws") return readSelection(context.engine, sql, context.signal);
  const result = await runAthenaQuery({
    client: context.aws.athena(),
    sql,
    workgroup: target.workgroup ?? "primary",
    ...(target.athenaOutput ? { outputLocation: target.athenaOutput } : {}),
    database: "raw",
    signal: context.signal,
  });
  async function* pages() {
    yield { columns: result.columns, rows: result.rows };
    for await (const rows of result.morePages()) yield { columns: result.columns, rows };
  }
  return selectionFromChunks(pages());
}
