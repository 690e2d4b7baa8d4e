import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract/errors";
import { type ObjectInfo, type ObjectStore, readAll } from "../../../pipeline/lake";

/**
 * The behaviour every ObjectStore must share, run against each implementation (local folder,
 * S3 via s3rver, …) so a stage cannot tell which lake it writes to. `makeStore` gives each test an
 * empty store of its own.
 */
export interface StoreFixture {
  store: ObjectStore;
  cleanup(): Promise<void>;
}

const UNICODE_KEY = "Raw/Local/CSV/Movies/2026/01/05/filmes ação.csv";
export const UNSAFE_KEYS = [
  "",
  "/Raw/x.csv",
  "Raw\\x.csv",
  "Raw/../x.csv",
  "Raw//x.csv",
  "./x",
  "Raw/",
  "a\u0000b",
];

export async function collect(iterable: AsyncIterable<ObjectInfo>): Promise<ObjectInfo[]> {
  const found: ObjectInfo[] = [];
  for await (const info of iterable) found.push(info);
  return found;
}

export async function text(store: ObjectStore, key: string): Promise<string> {
  return (await readAll(await store.get(key))).toString("utf8");
}

export async function sha256Of(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest("hex");
}

/** Rejects with a LakebookError of this code. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<LakebookError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  expect((error as LakebookError).code).toBe(code);
  return error as LakebookError;
}

/** S3 orders keys by their UTF-8 bytes, which is not JavaScript's UTF-16 string order. */
function byteOrder(keys: string[]): string[] {
  return [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** `total` random bytes in 1 MiB chunks, hashed as they are made: never the whole body in memory. */
function generated(total: number, hash: ReturnType<typeof createHash>): Readable {
  async function* chunks() {
    for (let sent = 0; sent < total; ) {
      const chunk = randomBytes(Math.min(1024 * 1024, total - sent));
      hash.update(chunk);
      sent += chunk.byteLength;
      yield chunk;
    }
  }
  return Readable.from(chunks());
}

export function describeObjectStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: ObjectStore;
    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it("round-trips a string as UTF-8 and reports its size", async () => {
      const info = await store.put("Raw/notes/hello.txt", "olá, lake\n", { contentType: "text/plain" });
      expect(info).toMatchObject({ key: "Raw/notes/hello.txt", size: 11 });
      expect(info.lastModified).toBeInstanceOf(Date);
      expect(await text(store, "Raw/notes/hello.txt")).toBe("olá, lake\n");
    });

    it("round-trips bytes of every value, byte-identical", async () => {
      const bytes = new Uint8Array(256 * 64).map((_, i) => i % 256);
      await store.put("bytes/all.bin", bytes);
      const back = await readAll(await store.get("bytes/all.bin"));
      expect(Buffer.compare(back, Buffer.from(bytes))).toBe(0);
    });

    it("round-trips a stream of mixed string and byte chunks", async () => {
      const body = Readable.from([
        Buffer.from("id|titulo\n"),
        "tt0000009|Miss Jerry\n",
        Buffer.from("tt0000574|x\n"),
      ]);
      const info = await store.put("Raw/Local/CSV/Movies/2026/01/05/movies.csv", body);
      expect(info.size).toBe(43);
      expect(await text(store, "Raw/Local/CSV/Movies/2026/01/05/movies.csv")).toBe(
        "id|titulo\ntt0000009|Miss Jerry\ntt0000574|x\n",
      );
    });

    it("stores empty objects from text and from an empty stream", async () => {
      expect((await store.put("empty/text.txt", "")).size).toBe(0);
      expect((await store.put("empty/stream.txt", Readable.from([]))).size).toBe(0);
      expect((await store.head("empty/stream.txt"))?.size).toBe(0);
      expect(await text(store, "empty/text.txt")).toBe("");
    });

    it("streams ~20 MB byte-identical (multipart on S3) and reports monotonic progress", async () => {
      const total = 20 * 1024 * 1024 + 12_345;
      const sent = createHash("sha256");
      const progress: number[] = [];
      const info = await store.put("Raw/Local/CSV/Series/2026/01/05/series.csv", generated(total, sent), {
        onProgress: (bytes) => progress.push(bytes),
      });
      expect(info.size).toBe(total);
      expect((await store.head("Raw/Local/CSV/Series/2026/01/05/series.csv"))?.size).toBe(total);
      expect(await sha256Of(await store.get("Raw/Local/CSV/Series/2026/01/05/series.csv"))).toBe(
        sent.digest("hex"),
      );
      expect(progress.at(-1)).toBe(total);
      expect(progress.every((bytes, i) => i === 0 || bytes >= (progress[i - 1] ?? 0))).toBe(true);
    });

    it("heads an object's size and date, and undefined for a missing one", async () => {
      await store.put("a/b.txt", "12345");
      const info = await store.head("a/b.txt");
      expect(info).toMatchObject({ key: "a/b.txt", size: 5 });
      expect(Number.isNaN(info?.lastModified.getTime())).toBe(false);
      expect(await store.head("a/missing.txt")).toBeUndefined();
      expect(await store.head("a")).toBeUndefined();
    });

    it("lists recursively in ascending key order, filtered by folder prefix, across pages", async () => {
      const dated = Array.from({ length: 30 }, (_, i) => {
        const day = String((i % 3) + 1).padStart(2, "0");
        return `Raw/Local/CSV/Movies/2026/01/${day}/part-${String(i).padStart(2, "0")}.csv`;
      });
      const others = [
        "Raw/TMDB/JSON/2026/01/05/movies-0001.json",
        "Refined/dim_genre/part-0.parquet",
        "Zeta.txt",
      ];
      const all = [...dated, ...others];
      // Written in reverse so that an order that merely follows insertion would show.
      for (let i = all.length - 1; i >= 0; i -= 8) {
        await Promise.all(all.slice(Math.max(0, i - 7), i + 1).map((key) => store.put(key, key)));
      }
      expect((await collect(store.list(""))).map((o) => o.key)).toEqual(byteOrder(all));
      const movies = await collect(store.list("Raw/Local/CSV/Movies/"));
      expect(movies.map((o) => o.key)).toEqual(byteOrder(dated));
      expect(movies[0]?.size).toBe(Buffer.byteLength(movies[0]?.key ?? ""));
      expect(await collect(store.list("Raw/Local/CSV/Movies/2026/01/02/"))).toHaveLength(10);
      expect(await collect(store.list("Raw/Local/CSV/Series/"))).toEqual([]);
      expect(await collect(store.list("Nowhere/"))).toEqual([]);
    });

    it("refuses a listing prefix that is not a folder", async () => {
      await expectCode(collect(store.list("Raw/Local/CSV/Mov")), "LAKE_KEY_INVALID");
      await expectCode(collect(store.list("/Raw/")), "LAKE_KEY_INVALID");
    });

    it("overwrites an object with a new body", async () => {
      await store.put("Trusted/TMDB/Parquet/movies/dt=2026-01-05/part-0.parquet", "first version, longer");
      const info = await store.put("Trusted/TMDB/Parquet/movies/dt=2026-01-05/part-0.parquet", "second");
      expect(info.size).toBe(6);
      expect(await text(store, "Trusted/TMDB/Parquet/movies/dt=2026-01-05/part-0.parquet")).toBe("second");
      expect(await collect(store.list("Trusted/"))).toHaveLength(1);
    });

    it("deletes idempotently", async () => {
      await store.put("x/y.txt", "y");
      await store.delete("x/y.txt");
      expect(await store.head("x/y.txt")).toBeUndefined();
      await store.delete("x/y.txt");
      await store.delete("never/was.txt");
      expect(await collect(store.list(""))).toEqual([]);
    });

    it("fails get of a missing key with LAKE_NOT_FOUND", async () => {
      const error = await expectCode(
        store.get("Raw/Local/CSV/Movies/2026/01/05/movies.csv"),
        "LAKE_NOT_FOUND",
      );
      expect(error.message).toContain("Raw/Local/CSV/Movies/2026/01/05/movies.csv");
    });

    it("refuses unsafe keys in every method and stores nothing", async () => {
      for (const key of [...UNSAFE_KEYS, `long/${"x".repeat(1024)}`]) {
        await expectCode(store.put(key, "x"), "LAKE_KEY_INVALID");
        await expectCode(store.get(key), "LAKE_KEY_INVALID");
        await expectCode(store.head(key), "LAKE_KEY_INVALID");
        await expectCode(store.delete(key), "LAKE_KEY_INVALID");
      }
      expect(await collect(store.list(""))).toEqual([]);
    });

    it("stores unicode keys as written", async () => {
      await store.put(UNICODE_KEY, "id|tituloPincipal\n");
      await store.put("Raw/Local/CSV/Movies/2026/01/05/🎬.csv", "x");
      expect(await text(store, UNICODE_KEY)).toBe("id|tituloPincipal\n");
      const keys = (await collect(store.list("Raw/"))).map((o) => o.key);
      expect(keys).toEqual(byteOrder([UNICODE_KEY, "Raw/Local/CSV/Movies/2026/01/05/🎬.csv"]));
    });

    it("keeps the previous object when a put's source fails midway", async () => {
      await store.put("Raw/data.csv", "previous");
      async function* failing() {
        yield Buffer.from("partial ");
        throw new Error("disk read failed");
      }
      await expectCode(store.put("Raw/data.csv", failing()), "LAKE_SOURCE_FAILED");
      expect(await text(store, "Raw/data.csv")).toBe("previous");
      expect((await collect(store.list(""))).map((o) => o.key)).toEqual(["Raw/data.csv"]);
    });

    it.each([
      ["by the source itself", true],
      ["from outside, later", false],
    ])(
      "cancels a put whose source is stalled, aborted %s, keeping the previous object",
      async (_, fromSource) => {
        await store.put("Raw/data.csv", "previous");
        const controller = new AbortController();
        async function* stalled() {
          yield Buffer.from("partial ");
          if (fromSource) controller.abort();
          else setTimeout(() => controller.abort(), 20);
          await new Promise(() => undefined);
        }
        await expectCode(store.put("Raw/data.csv", stalled(), { signal: controller.signal }), "CANCELLED");
        await expectCode(store.put("Raw/other.csv", "x", { signal: controller.signal }), "CANCELLED");
        expect(await text(store, "Raw/data.csv")).toBe("previous");
        expect((await collect(store.list(""))).map((o) => o.key)).toEqual(["Raw/data.csv"]);
      },
    );
  });
}
