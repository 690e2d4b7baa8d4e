import path from "node:path";
import { LakebookError } from "../../contract";
import { tableReferences } from "../../engine";
import { type ObjectStore, type ProcessingDate, processingDateOf, S3Store } from "../../lake";
import type { Stage, StageContext } from "../stage";
import { FileResponseCache, TmdbClient, type TmdbCredentials, tmdbCredentials } from "./client";
import { runTmdbEnrichment, type TmdbEnrichResult } from "./enrich";
import { offlineTitlesFromVegaDatasets, startOfflineTmdb } from "./offline";
import { progressMessage } from "./progress-message";
import { tmdbPythonScript } from "./python-script";
import { RAW_TMDB_TABLE, rawTmdbQuery, registerRawTmdbTable } from "./raw-table";
import { enrichOnLambda } from "./run-lambda-branch";
import { planMessage, planRun, sampleSelection } from "./run-plan";
import { readSampleFiles } from "./sample-records";
import { selectTitles } from "./select-titles";
import { parseTmdbSettings, type TmdbSettings } from "./settings";
import { exampleTitles, summaryOf, type TmdbSourceLabel, tmdbOutput } from "./tmdb-output";

/**
 * The TMDB cell: the selected titles' details from TMDB into RAW JSON. With TMDB_READ_ACCESS_TOKEN
 * or TMDB_API_KEY set, or a token kept in Settings (keychain or user-only file), it calls the API
 * (TMDB_API_BASE for a proxy); without any it runs against
 * the offline sample, a local server speaking the same API built from the demo data, and says so.
 */
export const tmdbStage: Stage = {
  run: async (cell, context) => {
    const settings = parseTmdbSettings(cell);
    const { lambda } = settings;
    if (lambda) {
      if (context.target.kind !== "aws") {
        throw new LakebookError(
          "TMDB_LAMBDA_NEEDS_AWS",
          `TMDB cell "${cell.id}" asks for Lambda, but the notebook's target is the local lake.`,
          {
            hint: "Point the target at AWS (kind: aws, bucket, region), or remove lambda: to run the enrichment here.",
          },
        );
      }
      const date = settings.date ?? processingDateOf(new Date());
      const result = await enrichOnLambda(cell.id, { ...settings, lambda }, date, context, context.target);
      const table = await registerIfWritten(result, date, cell.id, context);
      return {
        summary: `${summaryOf(result, "TMDB")} · on AWS Lambda`,
        output: await outputOf(result, { settings, date, store: context.store, source: "TMDB", table }),
      };
    }
    const source = await tmdbSource(await tmdbCredentials(context.storedTmdbCredential));
    try {
      const client = new TmdbClient({
        credentials: source.credentials,
        ...(source.baseUrl ? { baseUrl: source.baseUrl } : {}),
        // The offline sample is a local server: TMDB's rate limit protects TMDB, not it.
        requestsPerSecond:
          source.label === "offline sample" ? OFFLINE_REQUESTS_PER_SECOND : settings.requestsPerSecond,
        concurrency: settings.concurrency,
        // Keyed by URL without credentials, so a rerun with nothing new makes (almost) no requests.
        cache: new FileResponseCache(path.join(context.stateDir, "tmdb-cache", source.label)),
      });
      const started = Date.now();
      const date = settings.date ?? processingDateOf(new Date());
      // Progress is reported once per title this run finishes; earlier runs' titles are not in the rate.
      let doneThisRun = 0;
      // RAW is in S3 on an aws target: the select runs on Athena there (selectTitles decides).
      const selected = await selectTitles(settings.select, context);
      const selection = settings.sample === undefined ? selected : sampleSelection(selected, settings.sample);
      const rate =
        source.label === "offline sample" ? OFFLINE_REQUESTS_PER_SECOND : settings.requestsPerSecond;
      // Said before the first request: at full size this is more than an hour at TMDB's rate limit.
      const plan = planMessage(planRun(selected, settings.sample, rate), rate);
      context.log("info", `TMDB (${source.label}): ${plan}.`);
      context.progress({ done: 0, total: selection.titles.length, unit: "titles", message: plan });
      const result = await runTmdbEnrichment({
        store: context.store,
        engine: context.engine,
        getter: client,
        settings: { ...settings, date },
        selection,
        signal: context.signal,
        onProgress: (p) => {
          doneThisRun += 1;
          const { requests, retries } = client.stats();
          context.progress({
            done: p.done,
            total: p.total,
            unit: "titles",
            message: progressMessage(p, { doneThisRun, requests, retries, elapsedMs: Date.now() - started }),
          });
        },
      });
      const table = await registerIfWritten(result, date, cell.id, context);
      return {
        summary: summaryOf(result, source.label),
        output: await outputOf(result, { settings, date, store: context.store, source: source.label, table }),
      };
    } finally {
      await source.stop();
    }
  },
  dependencies: (cell) => {
    try {
      const reads = tableReferences(parseTmdbSettings(cell).select).reads;
      return { reads, writes: [`${RAW_TMDB_TABLE.database}.${RAW_TMDB_TABLE.name}`] };
    } catch {
      return { reads: [], writes: [] };
    }
  },
};

const OFFLINE_REQUESTS_PER_SECOND = 1000;

interface TmdbSource {
  label: TmdbSourceLabel;
  credentials: TmdbCredentials;
  baseUrl?: string;
  stop(): Promise<void>;
}

async function tmdbSource(credentials: TmdbCredentials | undefined): Promise<TmdbSource> {
  if (credentials) {
    const baseUrl = process.env.TMDB_API_BASE;
    return { label: "TMDB", credentials, ...(baseUrl ? { baseUrl } : {}), stop: async () => undefined };
  }
  const server = await startOfflineTmdb({ titles: await offlineTitlesFromVegaDatasets() });
  return {
    label: "offline sample",
    credentials: { apiKey: "offline-sample" },
    baseUrl: server.baseUrl,
    stop: server.stop,
  };
}

/** `raw.tmdb` over the files, once there are any (a table over an empty folder cannot be read). */
async function registerIfWritten(
  result: TmdbEnrichResult,
  date: ProcessingDate,
  cellId: string,
  context: StageContext,
): Promise<string | undefined> {
  return result.files.length > 0 ? registerRawTmdbTable(context, date, cellId) : undefined;
}

/** The view's output: counts and files from the run, a sample read back from the lake, the Python. */
async function outputOf(
  result: TmdbEnrichResult,
  run: {
    settings: TmdbSettings;
    date: ProcessingDate;
    store: ObjectStore;
    source: TmdbSourceLabel;
    table: string | undefined;
  },
) {
  const samples = await readSampleFiles(run.store, result.name, result.files);
  const s3 = run.store instanceof S3Store ? run.store : undefined;
  const python = tmdbPythonScript({
    settings: run.settings,
    date: run.date,
    bucket: s3?.bucket,
    prefix: s3?.prefix ?? "",
    titles: exampleTitles(samples, result),
    selected: result.total,
  });
  const withDiscover = run.settings.discover !== undefined || result.discovered > 0;
  const query = run.table ? { table: run.table, sql: rawTmdbQuery(run.date) } : undefined;
  return tmdbOutput(result, { source: run.source, samples, python, withDiscover, query });
}
