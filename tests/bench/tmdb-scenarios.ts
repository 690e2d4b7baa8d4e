import { TmdbClient } from "../../pipeline/stages/tmdb/client";
import { offlineTitlesFromVegaDatasets, startOfflineTmdb } from "../../pipeline/stages/tmdb/offline";

const REQUESTS = 300;

/**
 * The TMDB client against the offline sample server on loopback: how close it runs to its rate
 * limit (TMDB's soft limit is ~40–50 requests/s per IP), beside the same work with the limit lifted.
 */
async function throughput(requestsPerSecond: number) {
  const titles = await offlineTitlesFromVegaDatasets();
  const server = await startOfflineTmdb({ titles });
  try {
    const client = new TmdbClient({
      baseUrl: server.baseUrl,
      credentials: { apiKey: "bench" },
      requestsPerSecond,
      concurrency: 8,
    });
    const ids = titles
      .filter((t) => t.kind === "movie")
      .slice(0, REQUESTS)
      .map((t) => t.imdbId);
    const started = performance.now();
    await Promise.all(ids.map((id) => client.get(`/find/${id}`, { external_source: "imdb_id" })));
    const seconds = (performance.now() - started) / 1000;
    const achieved = ids.length / seconds;
    return {
      ms: Math.round(seconds * 1000),
      requests: ids.length,
      limitPerS: requestsPerSecond,
      achievedPerS: Math.round(achieved * 10) / 10,
      ofLimitPct: Math.round((100 * achieved) / requestsPerSecond),
    };
  } finally {
    await server.stop();
  }
}

export const tmdbScenarios = {
  "tmdb client at 40 requests/s (offline sample)": () => throughput(40),
  "tmdb client, limit lifted (baseline)": () => throughput(100_000),
};
