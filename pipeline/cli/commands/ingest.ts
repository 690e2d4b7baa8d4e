import { LakebookError, type ServiceEvent } from "../../contract";
import { type Dataset, type ProcessingDate, parseProcessingDate } from "../../lake";
import { type IngestedCsv, ingestFileHeadless, s3LakeFromEnvironment } from "../../service";
import { parseCommandArgs, UsageError } from "../args";
import { type CliError, failure, formatBytes, printError, printJson } from "../output";
import { ProgressPrinter } from "../progress-printer";

interface IngestArgs {
  file: string;
  dataset: Dataset | undefined;
  date: ProcessingDate | undefined;
  lake: string | undefined;
  s3: { bucket: string; prefix: string } | undefined;
  json: boolean;
}

export async function ingestCommand(argv: string[]): Promise<number> {
  const args = parseIngestArgs(argv);
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  try {
    const result = await ingest(args, controller.signal);
    if (args.json) printJson(jsonOf(result));
    else printSummary(result);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const shown = failure(error);
    // A missing file is one line; a refusal or failure gets its hint too.
    printError(shown.code === "INGEST_FILE_NOT_FOUND" ? { code: shown.code, message: shown.message } : shown);
    if (args.json) printJson({ ok: false, error: shown satisfies CliError });
    return 1;
  } finally {
    process.off("SIGINT", cancel);
  }
}

function parseIngestArgs(argv: string[]): IngestArgs {
  const { values, positionals } = parseCommandArgs(
    "ingest",
    argv,
    {
      dataset: { type: "string" },
      lake: { type: "string" },
      s3: { type: "string" },
      date: { type: "string" },
      json: { type: "boolean" },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new UsageError("ingest", "missing the CSV file to ingest");
  if (values.lake !== undefined && values.s3 !== undefined) {
    throw new UsageError("ingest", "give either --lake or --s3, not both");
  }
  if (values.dataset !== undefined && values.dataset !== "movies" && values.dataset !== "series") {
    throw new UsageError("ingest", `--dataset is movies or series, not ${JSON.stringify(values.dataset)}`);
  }
  let date: ProcessingDate | undefined;
  if (values.date !== undefined) {
    try {
      date = parseProcessingDate(values.date);
    } catch (error) {
      throw new UsageError("ingest", `--date: ${(error as Error).message}`);
    }
  }
  return {
    file,
    dataset: values.dataset,
    date,
    lake: values.lake,
    s3: values.s3 === undefined ? undefined : parseS3Url(values.s3),
    json: values.json ?? false,
  };
}

function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!match?.[1]) {
    throw new UsageError(
      "ingest",
      `--s3 expects s3://bucket or s3://bucket/prefix, got ${JSON.stringify(url)}`,
    );
  }
  return { bucket: match[1], prefix: match[2] ?? "" };
}

interface IngestOutcome {
  result: IngestedCsv;
  table?: string | undefined;
}

async function ingest(args: IngestArgs, signal: AbortSignal): Promise<IngestOutcome> {
  const printer = new ProgressPrinter(process.stderr);
  const emit = (event: ServiceEvent) => printer.handle(event);
  const s3 = args.s3 ? openS3Lake(args.s3) : undefined;
  try {
    return await ingestFileHeadless({
      file: args.file,
      dataset: args.dataset,
      date: args.date,
      lake: args.lake,
      s3,
      signal,
      progress: (update) => emit({ type: "run.progress", runId: "ingest", cellId: "ingest", ...update }),
      log: (level, text) => emit({ type: "run.log", runId: "ingest", cellId: "ingest", level, text }),
    });
  } finally {
    s3?.destroy();
  }
}

/** A bucket name S3 would refuse is a typing mistake: exit code 2, like any bad flag. */
function openS3Lake(target: { bucket: string; prefix: string }) {
  try {
    return s3LakeFromEnvironment(target);
  } catch (error) {
    if (error instanceof LakebookError) throw new UsageError("ingest", `--s3: ${error.message}`);
    throw error;
  }
}

function jsonOf({ result }: IngestOutcome) {
  const { report } = result.source;
  return {
    ok: true,
    key: result.stored.objectKey,
    bytes: report.bytes,
    sha256: report.sha256,
    rows: report.rows,
    columns: report.columns,
    warnings: report.warnings.map(({ line, code, message }) => ({ line, code, message })),
    warningCount: report.warningCount,
    alreadyIngested: result.stored.alreadyIngested,
  };
}

function printSummary({ result, table }: IngestOutcome): void {
  const { report, file } = result.source;
  const { stored } = result;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${stored.alreadyIngested ? "already  " : "ingested "} ${file.shown} → ${stored.location}`);
  out(
    `          ${report.rows.toLocaleString("en-US")} rows · ${report.columns.length} columns (${report.dataset}) · ${formatBytes(report.bytes)} · sha256 ${report.sha256}`,
  );
  out(
    `          ${stored.alreadyIngested ? "nothing sent: the same bytes are already there" : `verified: ${stored.verified}`}`,
  );
  if (table) out(`          ${table} is registered in the lake's catalog`);
  if (report.warningCount === 0) return;
  out(
    `warnings  ${report.warningCount.toLocaleString("en-US")} (the file is in RAW as it is; these lines need care later)`,
  );
  for (const warning of report.warnings.slice(0, 20)) {
    out(`  line ${warning.line}: ${warning.code} ${warning.message}`);
  }
  if (report.warnings.length > 20)
    out(`  … ${report.warningCount - 20} more (use --json for the first ${report.warnings.length})`);
}
