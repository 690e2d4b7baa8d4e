import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_CACHE_TTL_MS,
  FileResponseCache,
} from "../../../../../pipeline/stages/tmdb/client/response-cache";

const KEY = "https://api.themoviedb.org/3/movie/603?append_to_response=credits";

describe("FileResponseCache", () => {
  let folder: string;
  let now: number;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "tmdb-cache-"));
    now = 1_000_000;
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it("returns what was put, one file per key, named by its hash", async () => {
    const cache = new FileResponseCache(folder, 60_000, () => now);
    expect(await cache.get(KEY)).toBeUndefined();
    await cache.put(KEY, { id: 603, title: "The Matrix" });
    expect(await cache.get(KEY)).toEqual({ body: { id: 603, title: "The Matrix" } });
    const files = await readdir(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it("expires entries after the TTL (default 7 days)", async () => {
    const cache = new FileResponseCache(folder, 60_000, () => now);
    await cache.put(KEY, 1);
    now += 60_000;
    expect(await cache.get(KEY)).toEqual({ body: 1 });
    now += 1;
    expect(await cache.get(KEY)).toBeUndefined();

    const weekly = new FileResponseCache(folder, undefined, () => now);
    await weekly.put(KEY, 2);
    now += DEFAULT_CACHE_TTL_MS;
    expect(await weekly.get(KEY)).toEqual({ body: 2 });
    now += 1;
    expect(await weekly.get(KEY)).toBeUndefined();
  });

  it("ignores a corrupt or foreign entry, and the next put repairs it", async () => {
    const cache = new FileResponseCache(folder, 60_000, () => now);
    const file = cache.fileFor(KEY);
    for (const junk of [
      "{not json",
      "null",
      '{"version":1,"key":"other","storedAt":1,"body":1}',
      '{"version":2}',
    ]) {
      await writeFile(file, junk);
      expect(await cache.get(KEY)).toBeUndefined();
    }
    await cache.put(KEY, "fresh");
    expect(await cache.get(KEY)).toEqual({ body: "fresh" });
    expect(JSON.parse(await readFile(file, "utf8")).key).toBe(KEY);
  });

  it("leaves no temp files behind", async () => {
    const cache = new FileResponseCache(folder, 60_000, () => now);
    await Promise.all(Array.from({ length: 20 }, (_, i) => cache.put(`${KEY}&n=${i % 3}`, i)));
    const files = await readdir(folder);
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(files).toHaveLength(3);
  });
});
