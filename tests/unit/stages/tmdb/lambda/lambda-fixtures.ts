import type { S3Client } from "@aws-sdk/client-s3";
import { createS3Client, readAll, S3Store } from "../../../../../pipeline/lake";
import { DEFAULT_FIELDS, type SelectedTitle } from "../../../../../pipeline/stages/tmdb/enrich";
import type { TmdbLambdaEvent } from "../../../../../pipeline/stages/tmdb/lambda";
import { type OfflineTitle, OfflineTmdbApi } from "../../../../../pipeline/stages/tmdb/offline";
import { type FakeTmdb, startFakeTmdb } from "../../../../helpers/fake-tmdb";
import type { RunningS3rver } from "../../../../helpers/s3rver";

/** Shared by the Lambda tests: an offline-sample TMDB on 127.0.0.1, titles, and the lake in s3rver. */
export const TOKEN = "eyJ-lambda-SECRET-token-0123456789";
export const DATE = { year: 2026, month: 1, day: 5 };
export const DATA = "Raw/TMDB/JSON/2026/01/05/";

// 130 movies (two files of at most 100) and 14 series known to TMDB, plus 3 titles it does not know.
const OFFLINE: OfflineTitle[] = [
  ...Array.from({ length: 130 }, (_, i) => ({
    imdbId: `tt${String(100 + i).padStart(7, "0")}`,
    kind: "movie" as const,
    title: `Night ${i}`,
    year: 1990 + (i % 30),
    genres: ["Horror"],
    rating: 6 + (i % 4) / 2,
    votes: 1000 + i,
    budget: 1_000_000 + i,
    revenue: 0,
  })),
  ...Array.from({ length: 14 }, (_, i) => ({
    imdbId: `tt${String(900_000 + i).padStart(7, "0")}`,
    kind: "tv" as const,
    title: `Salem ${i}`,
    year: 2000 + i,
    genres: ["Mystery"],
    rating: 7,
    votes: 300,
  })),
];
export const TITLES: SelectedTitle[] = [
  ...OFFLINE.map((t) => ({ imdbId: t.imdbId, kind: t.kind })),
  { imdbId: "tt0000001", kind: "movie" },
  { imdbId: "tt0000002" },
  { imdbId: "tt0000003", kind: "tv" },
];

export function startTmdb(): Promise<FakeTmdb> {
  const api = new OfflineTmdbApi(OFFLINE);
  return startFakeTmdb({ handler: (method, p) => api.answer(method, p), readAccessToken: TOKEN });
}

export function s3ClientOf(s3: RunningS3rver): S3Client {
  return createS3Client({ endpoint: s3.endpoint, credentials: s3.credentials });
}

export function lakeOf(s3: RunningS3rver, client: S3Client, prefix: string): S3Store {
  return new S3Store({ bucket: s3.bucket, prefix, client });
}

export function eventOf(
  s3: RunningS3rver,
  prefix: string,
  extra: Partial<TmdbLambdaEvent> = {},
): TmdbLambdaEvent {
  return {
    bucket: s3.bucket,
    prefix,
    region: "us-east-1",
    secretId: "lakebook/tmdb",
    runId: "run-1",
    invocation: 1,
    titles: TITLES,
    settings: {
      fields: [...DEFAULT_FIELDS],
      name: "tmdb",
      date: "2026-01-05",
      requestsPerSecond: 1000,
      concurrency: 8,
    },
    ...extra,
  };
}

/** Every RAW TMDB object of the date, key → bytes. */
export async function rawObjects(store: S3Store | { list: S3Store["list"]; get: S3Store["get"] }) {
  const all = new Map<string, Buffer>();
  for await (const info of store.list(DATA)) all.set(info.key, await readAll(await store.get(info.key)));
  return all;
}

/** Requests the fake TMDB received after `from`, by path (without /3 and query). */
export function pathsSince(fake: FakeTmdb, from: number): string[] {
  return fake.received.slice(from).map((r) => new URL(r.url, "http://x").pathname.replace(/^\/3/, ""));
}
