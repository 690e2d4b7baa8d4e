import type { Checkpoint, DiscoverFailure, FailedTitle } from "./checkpoint";
import type { RequestLog } from "./getter";
import type { TmdbEnrichResult } from "./result";

/** What a run leaves behind: failure lists in a stable order and the manifest beside the files. */
export function byId(a: FailedTitle, b: FailedTitle): number {
  return a.imdbId.localeCompare(b.imdbId);
}

export function failureKey(entry: { page?: number; tmdbId?: number }): string {
  return entry.page !== undefined ? `page:${entry.page}` : `movie:${entry.tmdbId}`;
}

/** Pages first, by number, then titles by TMDB id. */
export function byFailure(a: DiscoverFailure, b: DiscoverFailure): number {
  const rank = (entry: DiscoverFailure) => (entry.page !== undefined ? 0 : 1);
  return rank(a) - rank(b) || (a.page ?? 0) - (b.page ?? 0) || (a.tmdbId ?? 0) - (b.tmdbId ?? 0);
}

export function manifestBody(
  result: TmdbEnrichResult,
  log: RequestLog,
  checkpoint: Checkpoint,
  withDiscover: boolean,
): string {
  const manifest = {
    version: 1,
    name: result.name,
    date: result.date,
    completedAt: new Date().toISOString(),
    counts: {
      selected: result.total,
      found: result.found,
      notFound: result.notFound,
      failed: result.failed,
      skipped: result.skipped.length,
      ...(withDiscover
        ? {
            discovered: result.discovered,
            withoutImdbId: result.withoutImdbId,
            discoverFailed: result.discoverFailures.length,
          }
        : {}),
    },
    files: checkpoint.files.map((file) => ({
      key: file.key,
      kind: file.kind,
      records: file.ids.length,
      bytes: file.bytes,
    })),
    notFound: result.notFoundIds,
    failed: result.failedTitles,
    skipped: result.skipped,
    ...(withDiscover ? { discoverFailed: result.discoverFailures } : {}),
    requests: { thisRun: log, allRuns: checkpoint.requests },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
