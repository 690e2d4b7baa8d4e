import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Dataset, ProcessingDate } from "../lake";
import { processingDateOf, S3Store } from "../lake";
import {
  findSourceFile,
  type IngestedCsv,
  type IngestRequest,
  ingestCsvFiles,
  registerRawTables,
} from "../stages/ingest";
import { openWorkspace } from "./workspace";

export type { IngestedCsv };

/** `lakebook ingest`: one file into RAW without a notebook, on a local lake folder or an S3 bucket. */
export interface HeadlessIngest {
  file: string;
  dataset?: Dataset | undefined;
  date?: ProcessingDate | undefined;
  /** The local lake folder (default `.lake`), unless `s3` is given. */
  lake?: string | undefined;
  s3?: S3Store | undefined;
  signal: AbortSignal;
  progress: IngestRequest["progress"];
  log: IngestRequest["log"];
}

export async function ingestFileHeadless(
  request: HeadlessIngest,
): Promise<{ result: IngestedCsv; table?: string }> {
  const file = await findSourceFile(process.cwd(), request.file);
  const base = {
    files: [file],
    ...(request.dataset ? { dataset: request.dataset } : {}),
    date: request.date ?? processingDateOf(new Date()),
    signal: request.signal,
    progress: request.progress,
    log: request.log,
  };
  if (request.s3) {
    const [result] = await ingestCsvFiles({
      ...base,
      store: request.s3,
      stateDir: await stateFolder(process.cwd()),
    });
    if (!result) throw new Error("nothing was ingested");
    return { result };
  }
  const workspace = await openWorkspace({ lake: request.lake ?? ".lake" });
  try {
    const [result] = await ingestCsvFiles({ ...base, store: workspace.store, stateDir: workspace.stateDir });
    if (!result) throw new Error("nothing was ingested");
    const tables = await registerRawTables([result], {
      catalog: workspace.catalog,
      engine: workspace.engine,
      lakeRoot: workspace.lakeRoot,
      producedBy: { cell: "lakebook ingest" },
      ...(request.log ? { log: request.log } : {}),
    });
    const table = tables.get(result.source.report.dataset);
    return table ? { result, table } : { result };
  } finally {
    await workspace.close();
  }
}

/** The S3 lake from `--s3` and the standard AWS environment; credentials never pass through Lakebook. */
export function s3LakeFromEnvironment(target: { bucket: string; prefix: string }): S3Store {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL || undefined;
  return new S3Store({
    bucket: target.bucket,
    prefix: target.prefix,
    region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1",
    ...(endpoint ? { endpoint } : {}),
  });
}

/** `.lakebook/` in the current folder, as for a notebook there: run state, never committed. */
async function stateFolder(dir: string): Promise<string> {
  const stateDir = path.join(dir, ".lakebook");
  await mkdir(stateDir, { recursive: true });
  await writeFile(path.join(stateDir, ".gitignore"), "*\n");
  return stateDir;
}
