import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../../../pipeline/contract/errors";
import {
  FileResponseCache,
  TmdbClient,
  type TmdbClientEvent,
  type TmdbClientOptions,
  type TmdbCredentials,
} from "../../../../../pipeline/stages/tmdb/client";
import { type OfflineTitle, OfflineTmdbApi } from "../../../../../pipeline/stages/tmdb/offline";
import { type FakeTmdb, startFakeTmdb } from "../../../../helpers/fake-tmdb";

const API_KEY = "k3y-SECRET-0123456789abcdef";
const TOKEN = "eyJ-token-SECRET-fedcba9876543210";

const TITLES: OfflineTitle[] = [
  {
    imdbId: "tt0000101",
    kind: "movie",
    title: "Night Shift",
    year: 1999,
    genres: ["Horror"],
    rating: 6.1,
    votes: 5000,
    budget: 1_000_000,
    revenue: 3_000_000,
  },
  {
    imdbId: "tt0000202",
    kind: "tv",
    title: "Salem Files",
    year: 2004,
    genres: ["Horror", "Mystery"],
    rating: 7.4,
    votes: 900,
  },
];
const MOVIE = "/movie/101";

describe("TmdbClient against a fake TMDB on 127.0.0.1", () => {
  let fake: FakeTmdb;
  let cacheDir: string;
  let events: TmdbClientEvent[];
  let waits: number[];
  const api = new OfflineTmdbApi(TITLES);

  beforeEach(async () => {
    fake = await startFakeTmdb({
      handler: (m, p) => api.answer(m, p),
      apiKey: API_KEY,
      readAccessToken: TOKEN,
    });
    cacheDir = await mkdtemp(join(tmpdir(), "tmdb-client-cache-"));
    events = [];
    waits = [];
  });
  afterEach(async () => {
    await fake.stop();
    await rm(cacheDir, { recursive: true, force: true });
  });

  // Waits are recorded, not slept: no test depends on the wall clock.
  function client(
    overrides: Partial<TmdbClientOptions> = {},
    credentials: TmdbCredentials = { apiKey: API_KEY },
  ) {
    return new TmdbClient({
      baseUrl: fake.baseUrl,
      credentials,
      maxAttempts: 4,
      timeoutMs: 2_000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onEvent: (e) => events.push(e),
      ...overrides,
    });
  }

  it("fetches find → movie details with both kinds of credentials", async () => {
    for (const credentials of [{ apiKey: API_KEY }, { readAccessToken: TOKEN }]) {
      const c = client({}, credentials);
      const found = await c.get<{ movie_results: { id: number }[] }>("/find/tt0000101", {
        external_source: "imdb_id",
      });
      expect(found.ok && found.body.movie_results[0]?.id).toBe(101);
      const details = await c.get<{ budget: number }>(MOVIE, { append_to_response: "credits" });
      expect(details).toMatchObject({ ok: true, status: 200, fromCache: false, body: { budget: 1_000_000 } });
    }
    expect(fake.received.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("honours Retry-After on 429, in seconds and as an HTTP date", async () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    fake.inject(MOVIE, { kind: "status", status: 429, retryAfter: "2" });
    fake.inject(MOVIE, { kind: "status", status: 429, retryAfter: new Date(now + 7_000).toUTCString() });
    const c = client({ now: () => now });
    const result = await c.get(MOVIE);
    expect(result.ok).toBe(true);
    expect(fake.count(MOVIE)).toBe(3);
    expect(waits).toEqual([2_000, 7_000]);
    expect(c.stats()).toMatchObject({ requests: 3, retries: 2, failed: 0 });
    expect(events.filter((e) => e.type === "retry").map((e) => e.type === "retry" && e.reason)).toEqual([
      "rate limited (429)",
      "rate limited (429)",
    ]);
  });

  it("retries 5xx with jittered backoff", async () => {
    fake.inject(MOVIE, { kind: "status", status: 500 }, { kind: "status", status: 503 });
    const c = client();
    expect((await c.get(MOVIE)).ok).toBe(true);
    expect(fake.count(MOVIE)).toBe(3);
    // random() = 0.5 → half of 500 ms, then half of 1 s.
    expect(waits).toEqual([250, 500]);
    expect(c.stats().retries).toBe(2);
  });

  it("retries an answer slower than the timeout", async () => {
    fake.inject(MOVIE, { kind: "slow", delayMs: 30_000 });
    const c = client({ timeoutMs: 150 });
    const result = await c.get(MOVIE);
    expect(result.ok).toBe(true);
    expect(fake.count(MOVIE)).toBe(2);
    expect(events).toContainEqual(expect.objectContaining({ type: "retry", reason: "timed out" }));
  });

  it("retries a truncated JSON body", async () => {
    fake.inject(MOVIE, { kind: "truncated" });
    const c = client();
    const result = await c.get(MOVIE);
    expect(result.ok).toBe(true);
    expect(fake.count(MOVIE)).toBe(2);
    expect(events).toContainEqual(
      expect.objectContaining({ type: "retry", reason: "unreadable JSON body (HTTP 200)" }),
    );
  });

  it("retries a network error (nothing listening) and ends with a failed result, never a throw", async () => {
    await fake.stop();
    const c = client({ maxAttempts: 3 });
    const result = await c.get(MOVIE);
    expect(result).toMatchObject({ ok: false, reason: "failed", attempts: 3, status: 0 });
    expect(c.stats()).toMatchObject({ requests: 3, retries: 2, failed: 1 });
    fake = await startFakeTmdb({ handler: () => ({ status: 200, body: {} }) });
  });

  it("gives up after maxAttempts with a result that says why", async () => {
    fake.inject(MOVIE, ...Array.from({ length: 10 }, () => ({ kind: "status" as const, status: 500 })));
    const c = client({ maxAttempts: 3 });
    const result = await c.get(MOVIE);
    expect(result).toMatchObject({ ok: false, status: 500, reason: "failed", attempts: 3 });
    expect(!result.ok && result.message).toMatch(/failed after 3 attempts: HTTP 500/);
    expect(fake.count(MOVIE)).toBe(3);
    expect(c.stats()).toMatchObject({ requests: 3, retries: 2, failed: 1 });
    expect(events.at(-1)).toMatchObject({ type: "failed", reason: "failed", status: 500 });
  });

  it("does not retry 401 and does not name the key", async () => {
    const c = client({}, { apiKey: "wrong-key-SECRET" });
    const result = await c.get(MOVIE);
    expect(result).toMatchObject({ ok: false, status: 401, reason: "unauthorized", attempts: 1 });
    expect(!result.ok && result.message).toMatch(/refused the API key or read access token/);
    expect(JSON.stringify([result, events])).not.toContain("wrong-key-SECRET");
    expect(fake.count(MOVIE)).toBe(1);
  });

  it("does not retry 404", async () => {
    const c = client();
    const result = await c.get("/movie/999999");
    expect(result).toMatchObject({ ok: false, status: 404, reason: "not_found", attempts: 1 });
    expect(fake.count("/movie/999999")).toBe(1);
    expect(c.stats()).toMatchObject({ requests: 1, retries: 0 });
  });

  it("turns the caller's abort into CANCELLED", async () => {
    fake.inject(MOVIE, { kind: "slow", delayMs: 30_000 });
    const controller = new AbortController();
    const c = client({ timeoutMs: 20_000 });
    const pending = c.get(MOVIE, {}, { signal: controller.signal });
    await waitFor(() => fake.count(MOVIE) === 1);
    controller.abort();
    await expect(pending).rejects.toSatisfy((e) => e instanceof LakebookError && e.code === "CANCELLED");
    await expect(c.get(MOVIE, {}, { signal: controller.signal })).rejects.toBeInstanceOf(LakebookError);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    fake.inject("*", ...Array.from({ length: 6 }, () => ({ kind: "slow" as const, delayMs: 40 })));
    const c = client({ concurrency: 2 });
    const results = await Promise.all(
      ["/find/tt0000101", "/genre/movie/list", "/genre/tv/list", MOVIE, "/tv/202", "/discover/movie"].map(
        (p) => c.get(p, p.startsWith("/find") ? { external_source: "imdb_id" } : {}),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.maxInFlight()).toBeLessThanOrEqual(2);
  });

  it("waits for the rate limit through the injected sleep", async () => {
    const c = client({ requestsPerSecond: 2, concurrency: 1, now: () => 0 });
    for (let i = 0; i < 3; i++) await c.get("/genre/movie/list");
    // Burst of 1 at 2 req/s, clock frozen: the 2nd and 3rd requests wait 500 ms and 1 s.
    expect(waits).toEqual([500, 1000]);
  });

  it("a second identical run is served from the cache with zero requests", async () => {
    const run = async () => {
      const c = client({ cache: new FileResponseCache(cacheDir) });
      const found = await c.get("/find/tt0000101", { external_source: "imdb_id" });
      const details = await c.get(MOVIE, { append_to_response: "credits,keywords,release_dates" });
      const missing = await c.get("/movie/424242");
      return { c, results: [found, details, missing] };
    };
    const first = await run();
    const requestsAfterFirst = fake.count();
    expect(first.c.stats().requests).toBe(3);
    const second = await run();
    // The 404 is not cached (only 200s are), so it is asked again; the 200s are not.
    expect(fake.count() - requestsAfterFirst).toBe(1);
    expect(fake.count("/find/tt0000101")).toBe(1);
    expect(fake.count(MOVIE)).toBe(1);
    expect(second.results.slice(0, 2).map((r) => r.ok && r.fromCache)).toEqual([true, true]);
    expect(second.c.stats()).toMatchObject({ cacheHits: 2, requests: 1 });
    expect(second.results[1]).toEqual({ ...first.results[1], fromCache: true });
  });

  it("never puts credentials in events, messages, results or cache files", async () => {
    fake.inject(MOVIE, { kind: "status", status: 500 }, { kind: "truncated" });
    const seen: unknown[] = [];
    for (const credentials of [{ apiKey: API_KEY }, { readAccessToken: TOKEN }]) {
      const c = client({ cache: new FileResponseCache(cacheDir) }, credentials);
      seen.push(await c.get(MOVIE, { api_key: API_KEY, language: "en-US" }));
      seen.push(await c.get("/find/tt0000202", { external_source: "imdb_id" }));
      seen.push(await c.get("/movie/31337"));
      const refused = client(
        {},
        "apiKey" in credentials ? { apiKey: `${API_KEY}x` } : { readAccessToken: `${TOKEN}x` },
      );
      seen.push(await refused.get("/genre/tv/list"));
    }
    // They were sent, so the test would see them if they leaked.
    expect(fake.received.some((r) => r.url.includes(API_KEY))).toBe(true);
    expect(fake.received.some((r) => r.authorization?.includes(TOKEN))).toBe(true);
    const files = await readdir(cacheDir);
    expect(files.length).toBeGreaterThan(0);
    const cacheText = (await Promise.all(files.map((f) => readFile(join(cacheDir, f), "utf8")))).join("\n");
    for (const text of [JSON.stringify(events), JSON.stringify(seen), cacheText, files.join(" ")]) {
      expect(text).not.toContain("SECRET");
      expect(text).not.toContain("api_key");
    }
    expect(events.some((e) => e.type === "retry")).toBe(true);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error("condition never held");
}
