import path from "node:path";
import { LocalCatalog } from "../../catalog";
import type { IngestedFile } from "../../contract";
import { LocalFolderStore, type ProcessingDate, processingDateOf, S3Store } from "../../lake";
import type { Stage, StageContext } from "../stage";
import { boto3Script, explainRawKey } from "./boto3-script";
import { type IngestedCsv, ingestCsvFiles } from "./ingest-files";
import { type CsvProfile, profileCsv } from "./profile";
import { cachedProfile } from "./profile-cache";
import { registerRawTables } from "./raw-table";
import { registerRawTablesInCatalog } from "./raw-table-catalog";
import { ingestDependencies, PROFILE_AUTO_BYTES, parseIngestSettings } from "./settings";
import { findSourceFile } from "./source-file";
import { planPartSize } from "./upload";

/** The ingest cell: the CSV files, whole and unmodified, into RAW; then the catalog, a profile and a boto3 lesson. */
export const ingestStage: Stage = {
  run: async (cell, context) => {
    const settings = parseIngestSettings(cell);
    const date = settings.date ?? processingDateOf(new Date());
    const files = [];
    for (const file of settings.files) files.push(await findSourceFile(context.baseDir, file));
    const { stateDir } = context;
    const results = await ingestCsvFiles({
      files,
      ...(settings.dataset ? { dataset: settings.dataset } : {}),
      date,
      store: context.store,
      stateDir,
      signal: context.signal,
      progress: context.progress,
      log: context.log,
    });
    const producedBy = {
      cell: cell.id,
      ...(context.notebookPath ? { notebook: path.basename(context.notebookPath) } : {}),
    };
    // The local lake's tables are described by DuckDB; an S3 lake's go to the target's catalog (Glue).
    const tables = isLocalLake(context)
      ? await registerRawTables(results, {
          catalog: context.catalog,
          engine: context.engine,
          lakeRoot: context.lakeRoot,
          producedBy,
          log: context.log,
        })
      : context.catalog instanceof LocalCatalog
        ? new Map()
        : await registerRawTablesInCatalog(results, context.catalog, producedBy, context.log);
    const outputs: IngestedFile[] = [];
    const totalBytes = results.reduce((sum, result) => sum + result.source.bytes, 0);
    const setting = settings.profile ?? "auto";
    const profiling = setting === "auto" ? totalBytes <= PROFILE_AUTO_BYTES : setting;
    for (const [index, result] of results.entries()) {
      if (!profiling) {
        const table = tables.get(result.source.report.dataset) ?? null;
        outputs.push(describeIngest(result, { context, date, table, ...profileSkipped(setting) }));
        continue;
      }
      context.progress({
        done: index,
        total: results.length,
        unit: "steps",
        message: `Profiling ${result.source.file.name} with DuckDB`,
      });
      const profiled = await profileOf(result, context, stateDir);
      const table = tables.get(result.source.report.dataset) ?? null;
      outputs.push(describeIngest(result, { context, date, table, ...profiled }));
    }
    return { summary: outputs.map(summaryOf).join("; "), output: { type: "ingest", files: outputs } };
  },
  dependencies: ingestDependencies,
};

/** Why there is no profile, and how to ask for one. */
function profileSkipped(setting: boolean | "auto"): { profile: null; profileNote: string } {
  const mb = PROFILE_AUTO_BYTES / 2 ** 20;
  return {
    profile: null,
    profileNote:
      setting === false
        ? "The column profile is off (profile: false in the cell)."
        : `No column profile: it is a DuckDB scan of the whole file, run by default only up to ${mb} MB. Add profile: true to the cell and run it again to have one (the file is not sent again).`,
  };
}

function isLocalLake(context: StageContext): boolean {
  return (
    context.store instanceof LocalFolderStore &&
    path.resolve(context.store.root) === path.resolve(context.lakeRoot)
  );
}

async function profileOf(
  result: IngestedCsv,
  context: StageContext,
  stateDir: string,
): Promise<{ profile: CsvProfile | null; profileNote?: string }> {
  const { file, report } = result.source;
  try {
    const profile = await cachedProfile(stateDir, report.sha256, () =>
      profileCsv(context.engine, file.path, report.preview.columns, context.signal),
    );
    if (profile.rows === report.rows) return { profile };
    return {
      profile,
      profileNote: `DuckDB read ${profile.rows.toLocaleString("en-US")} of the ${report.rows.toLocaleString("en-US")} rows: the lines it cannot read (see the warnings) are left out of the profile.`,
    };
  } catch (error) {
    if (context.signal.aborted) throw error;
    const reason = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
    return { profile: null, profileNote: `DuckDB could not profile ${result.source.file.shown}: ${reason}` };
  }
}

interface Extras {
  context: StageContext;
  date: ProcessingDate;
  table: string | null;
  profile: CsvProfile | null;
  profileNote?: string;
}

function describeIngest(result: IngestedCsv, extras: Extras): IngestedFile {
  const { context, date, table, profile, profileNote } = extras;
  const { source, stored, ms } = result;
  const { report, file } = source;
  const bucket = context.store instanceof S3Store ? context.store.bucket : undefined;
  return {
    file: file.shown,
    dataset: report.dataset,
    key: stored.objectKey,
    location: stored.location,
    bytes: report.bytes,
    rows: report.rows,
    columns: report.columns,
    sha256: report.sha256,
    alreadyIngested: stored.alreadyIngested,
    verified: stored.verified,
    ms,
    warnings: report.warnings,
    warningCount: report.warningCount,
    warningCounts: report.warningCounts,
    preview: report.preview,
    profile,
    ...(profileNote ? { profileNote } : {}),
    table,
    boto3: boto3Script({
      file: file.shown,
      bucket,
      key: stored.objectKey,
      bytes: report.bytes,
      partSize: planPartSize(report.bytes),
    }),
    pathExplanation: explainRawKey(stored.objectKey, report.dataset, date, file.name),
  };
}

function summaryOf(file: IngestedFile): string {
  const what = `${file.file} → ${file.key}`;
  if (file.alreadyIngested) return `${what}: already ingested (same SHA-256), nothing sent`;
  const warnings =
    file.warningCount === 0
      ? "no warnings"
      : `${file.warningCount.toLocaleString("en-US")} warning${file.warningCount === 1 ? "" : "s"}`;
  return `${what}: ${file.rows.toLocaleString("en-US")} rows, ${file.bytes.toLocaleString("en-US")} bytes, SHA-256 ${file.sha256.slice(0, 12)}…, ${warnings}`;
}
