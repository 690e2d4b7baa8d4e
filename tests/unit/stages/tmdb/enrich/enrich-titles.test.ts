import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFolderStore, type ObjectStore, readAll } from "../../../../../pipeline/lake";
import {
  DEFAULT_FIELDS,
  type EnrichTitlesOptions,
  enrichTitles,
  loadCheckpoint,
  type SelectedTitle,
  type TmdbGetter,
  type TmdbResult,
} from "../../../../../pipeline/stages/tmdb/enrich";

const DATE = { year: 2026, month: 1, day: 5 };
const DATA = "Raw/TMDB/JSON/2026/01/05/";
// 45 movies and 12 series; movies 9, 19, 29 and 39 are unknown to TMDB.
const TITLES: SelectedTitle[] = [
  ...Array.from({ length: 45 }, (_, i) => ({ imdbId: `tt${1000 + i}`, kind: "movie" as const })),
  ...Array.from({ length: 12 }, (_, i) => ({ imdbId: `tt${5000 + i}`, kind: "tv" as const })),
];
const UNKNOWN = new Set(TITLES.filter((_, i) => i < 45 && i % 10 === 9).map((t) => t.imdbId));

/** A TMDB behind the getter that answers after a pseudo-random pause, so titles finish out of order. */
function slowTmdb(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const calls: string[] = [];
  const getter: TmdbGetter = {
    async get<T>(p: string): Promise<TmdbResult<T>> {
      calls.push(p);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 4)));
      const ok = (body: unknown) => ({ ok: true, status: 200, fromCache: false, body }) as TmdbResult<T>;
      const find = /^\/find\/tt(\d+)$/.exec(p);
      if (find) {
        const id = Number(find[1]);
        const hit = UNKNOWN.has(`tt${id}`) ? [] : [{ id }];
        return ok({ movie_results: id < 5000 ? hit : [], tv_results: id >= 5000 ? hit : [] });
      }
      const detail = /^\/(movie|tv)\/(\d+)$/.exec(p);
      if (detail)
        return ok({ id: Number(detail[2]), title: `Title ${detail[2]}`, name: `Series ${detail[2]}` });
      return { ok: false, status: 404, reason: "not_found", message: "not found", attempts: 1 };
    },
  };
  return { getter, calls };
}

let dir: string;
let lakes = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-enrich-titles-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function freshStore(): LocalFolderStore {
  lakes += 1;
  return new LocalFolderStore(path.join(dir, `lake-${lakes}`));
}

function options(store: ObjectStore, getter: TmdbGetter, extra: Partial<EnrichTitlesOptions> = {}) {
  return {
    store,
    getter,
    titles: TITLES,
    settings: { fields: [...DEFAULT_FIELDS], concurrency: 6, name: "tmdb", date: DATE },
    limits: { maxRecords: 10, maxBytes: 10_000_000 },
    ...extra,
  } satisfies EnrichTitlesOptions;
}

async function files(store: LocalFolderStore): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for await (const info of store.list(DATA)) {
    all.set(info.key, (await readAll(await store.get(info.key))).toString("utf8"));
  }
  return all;
}

describe("enrichTitles", () => {
  it("writes the same files whatever order the titles finish in", async () => {
    const a = freshStore();
    const b = freshStore();
    const first = await enrichTitles(options(a, slowTmdb(1).getter));
    await enrichTitles(options(b, slowTmdb(99).getter));
    expect(first).toMatchObject({ total: 57, found: 53, notFound: 4, partial: false });
    const filesA = await files(a);
    expect(filesA.size).toBe(5 + 2);
    expect(await files(b)).toEqual(filesA);
  });

  it("stops at the deadline with whole files, and the next call goes on without fetching a title twice", async () => {
    const reference = freshStore();
    await enrichTitles(options(reference, slowTmdb(5).getter));

    const store = freshStore();
    const tmdb = slowTmdb(7);
    const first = await enrichTitles(
      options(store, tmdb.getter, { deadlineReached: () => tmdb.calls.length >= 30 }),
    );
    expect(first.partial).toBe(true);
    expect(first.manifestKey).toBeUndefined();
    expect(first.fetched).toBeGreaterThan(0);
    expect(first.fetched).toBeLessThan(TITLES.length);
    const checkpoint = await loadCheckpoint(store, DATE, "tmdb");
    const listed = checkpoint.files.flatMap((file) => file.ids).length + checkpoint.notFound.length;
    expect(listed).toBe(first.done);

    const second = await enrichTitles(options(store, tmdb.getter));
    expect(second).toMatchObject({ partial: false, found: 53, notFound: 4, failed: 0 });
    expect(first.fetched + second.fetched).toBe(TITLES.length);
    const finds = tmdb.calls.filter((call) => call.startsWith("/find/"));
    expect(new Set(finds).size).toBe(finds.length);
    const records = async (s: LocalFolderStore) =>
      [...(await files(s)).values()]
        .flatMap((body) => (JSON.parse(body) as { records: { imdb_id: string }[] }).records)
        .sort((x, y) => x.imdb_id.localeCompare(y.imdb_id));
    expect(await records(store)).toEqual(await records(reference));
  });
});
