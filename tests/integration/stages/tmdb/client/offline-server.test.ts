import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TmdbClient } from "../../../../../pipeline/stages/tmdb/client";
import {
  type OfflineTitle,
  type OfflineTmdbServer,
  offlineTitlesFromVegaDatasets,
  startOfflineTmdb,
} from "../../../../../pipeline/stages/tmdb/offline";

// The offline sample is product code; it lives here beside the client it is served to.
describe("offline TMDB sample built from the demo data", () => {
  let titles: OfflineTitle[];
  let server: OfflineTmdbServer;
  let client: TmdbClient;

  beforeAll(async () => {
    titles = await offlineTitlesFromVegaDatasets();
    server = await startOfflineTmdb({ titles });
    // Any credentials are accepted.
    client = new TmdbClient({ baseUrl: server.baseUrl, credentials: { apiKey: "anything" } });
  });
  afterAll(() => server.stop());

  it("covers every demo movie and series with demo-style ids", () => {
    expect(titles.filter((t) => t.kind === "movie")).toHaveLength(3200);
    expect(titles.filter((t) => t.kind === "tv")).toHaveLength(400);
    expect(new Set(titles.map((t) => t.imdbId)).size).toBe(titles.length);
    expect(titles.every((t) => /^tt\d{7}$/.test(t.imdbId))).toBe(true);
  });

  it("answers find → movie details for a demo id with budget, revenue and credits", async () => {
    const haunting = titles.find((t) => t.title === "The Haunting" && t.year === 1999);
    expect(haunting).toBeDefined();
    const found = await client.get<{ movie_results: { id: number; title: string }[]; tv_results: unknown[] }>(
      `/find/${haunting?.imdbId}`,
      { external_source: "imdb_id" },
    );
    if (!found.ok) throw new Error(found.message);
    expect(found.body.tv_results).toEqual([]);
    const [hit] = found.body.movie_results;
    expect(hit?.title).toBe("The Haunting");
    // biome-ignore lint/suspicious/noExplicitAny: raw TMDB JSON, probed deep by the assertions below
    const details = await client.get<Record<string, any>>(`/movie/${hit?.id}`, {
      append_to_response: "credits,keywords,release_dates",
    });
    if (!details.ok) throw new Error(details.message);
    expect(details.body).toMatchObject({
      id: hit?.id,
      imdb_id: haunting?.imdbId,
      budget: 80_000_000,
      revenue: 180_188_905,
      release_date: "1999-07-23",
      genres: expect.arrayContaining([{ id: 27, name: "Horror" }]),
    });
    expect(details.body.credits.crew).toContainEqual(
      expect.objectContaining({ job: "Director", name: "Jan De Bont" }),
    );
    expect(details.body.credits.cast.length).toBeGreaterThanOrEqual(2);
    for (const member of details.body.credits.cast) expect([0, 1, 2, 3]).toContain(member.gender);
    expect(details.body.keywords.keywords.length).toBeGreaterThan(0);
    expect(details.body.release_dates.results[0].release_dates[0]).toHaveProperty("certification");
  });

  it("answers a series with TV shapes (keywords under `results`, content ratings)", async () => {
    const series = titles.find((t) => t.kind === "tv" && t.genres.includes("Horror"));
    const found = await client.get<{ tv_results: { id: number; name: string }[] }>(
      `/find/${series?.imdbId}`,
      {
        external_source: "imdb_id",
      },
    );
    const id = found.ok ? found.body.tv_results[0]?.id : undefined;
    // biome-ignore lint/suspicious/noExplicitAny: raw TMDB JSON, probed deep by the assertions below
    const details = await client.get<Record<string, any>>(`/tv/${id}`, {
      append_to_response: "credits,keywords,external_ids,content_ratings",
    });
    if (!details.ok) throw new Error(details.message);
    expect(details.body.name).toBe(series?.title);
    expect(details.body.external_ids.imdb_id).toBe(series?.imdbId);
    expect(details.body.keywords.results).toContainEqual(expect.objectContaining({ name: "horror" }));
    expect(details.body.genres.map((g: { id: number }) => g.id)).not.toContain(27);
    expect(details.body.content_ratings.results.length).toBeGreaterThan(0);
  });

  it("pages discover 20 at a time up to total_pages, and lists genres", async () => {
    const first = await client.get<{
      page: number;
      total_pages: number;
      total_results: number;
      results: unknown[];
    }>("/discover/movie", { with_genres: "27" });
    if (!first.ok) throw new Error(first.message);
    expect(first.body.results).toHaveLength(20);
    const last = await client.get<{ results: unknown[] }>("/discover/movie", {
      with_genres: "27",
      page: String(first.body.total_pages),
    });
    const all = 20 * (first.body.total_pages - 1) + (last.ok ? last.body.results.length : 0);
    expect(all).toBe(first.body.total_results);
    const genres = await client.get<{ genres: { id: number; name: string }[] }>("/genre/tv/list");
    expect(genres.ok && genres.body.genres.map((g) => g.id)).not.toContain(27);
  });

  it("answers unknown things with TMDB's error shape, not retried", async () => {
    const missing = await client.get("/movie/1");
    expect(missing).toMatchObject({ ok: false, status: 404, reason: "not_found", attempts: 1 });
    const raw = await fetch(`${server.baseUrl}/movie/1`);
    expect(await raw.json()).toEqual({
      status_code: 34,
      status_message: "The resource you requested could not be found.",
      success: false,
    });
  });
});
