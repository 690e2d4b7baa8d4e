import path from "node:path";
import { processingDateOf } from "../../lake";
import { tableReferences } from "../sql/table-references";
import type { Stage } from "../stage";
import { credentialsFromEnv, FileResponseCache, TmdbClient, type TmdbCredentials } from "./client";
import { runTmdbEnrichment, type TmdbEnrichResult } from "./enrich";
import { offlineTitlesFromVegaDatasets, startOfflineTmdb } from "./offline";
import { parseTmdbSettings } from "./settings";

/**
 * The TMDB cell: the selected titles' details from TMDB into RAW JSON. With TMDB_READ_ACCESS_TOKEN
 * or TMDB_API_KEY set it calls the API (TMDB_API_BASE for a proxy); without either it runs against
 * the offline sample, a local server speaking the same API built from the demo data, and says so.
 */
export const tmdbStage: Stage = {
  run: async (cell, context) => {
    const settings = parseTmdbSettings(cell);
    const source = await tmdbSource();
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
      const result = await runTmdbEnrichment({
        store: context.store,
        engine: context.engine,
        getter: client,
        settings: { ...settings, date: settings.date ?? processingDateOf(new Date()) },
        signal: context.signal,
        onProgress: (p) =>
          context.progress({
            done: p.done,
            total: p.total,
            unit: "titles",
            message: progressMessage(p, client.stats(), started),
          }),
      });
      return {
        summary: summaryOf(result, source.label),
        output: { type: "text", text: reportOf(result, source.label) },
      };
    } finally {
      await source.stop();
    }
  },
  dependencies: (cell) => {
    try {
      return { reads: tableReferences(parseTmdbSettings(cell).select).reads, writes: [] };
    } catch {
      return { reads: [], writes: [] };
    }
  },
};

const OFFLINE_REQUESTS_PER_SECOND = 1000;

interface TmdbSource {
  label: "TMDB" | "offline sample";
  credentials: TmdbCredentials;
  baseUrl?: string;
  stop(): Promise<void>;
}

async function tmdbSource(): Promise<TmdbSource> {
  const credentials = credentialsFromEnv();
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

function progressMessage(
  p: { found: number; notFound: number; failed: number },
  stats: { requests: number; retries: number },
  started: number,
): string {
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  return `${p.found} found, ${p.notFound} not found, ${p.failed} failed · ${(stats.requests / seconds).toFixed(1)} requests/s · ${stats.retries} retries`;
}

function summaryOf(result: TmdbEnrichResult, label: string): string {
  return `${label}: ${result.total} titles — ${result.found} found, ${result.notFound} not found, ${result.failed} failed; ${result.files.length} files in Raw/TMDB/JSON/${result.date.replaceAll("-", "/")}/`;
}

/** Plain text until the TMDB output view lands: the counts, the files, and every title that did not make it. */
function reportOf(result: TmdbEnrichResult, label: string): string {
  const lines = [
    label === "offline sample"
      ? "Source: the offline sample (no TMDB_READ_ACCESS_TOKEN or TMDB_API_KEY set), built from the demo data."
      : "Source: the TMDB API.",
    summaryOf(result, label),
    `Requests: ${result.requests.requests}, retries: ${result.requests.retries}, from cache: ${result.requests.cacheHits}.`,
    "TMDB's TV genres have no Horror: series are selected by the IMDb genres in RAW and matched by IMDb id.",
    "",
    "Files:",
    ...result.files.map((file) => `  ${file}`),
  ];
  if (result.notFoundIds.length > 0)
    lines.push("", `Not found on TMDB (${result.notFoundIds.length}):`, `  ${result.notFoundIds.join(", ")}`);
  if (result.failedTitles.length > 0) {
    lines.push("", `Failed (${result.failedTitles.length}; a rerun tries them again):`);
    for (const failed of result.failedTitles) lines.push(`  ${failed.imdbId}: ${failed.reason}`);
  }
  return lines.join("\n");
}
