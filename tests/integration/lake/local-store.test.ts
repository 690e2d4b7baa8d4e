import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFolderStore, TEMP_FOLDER } from "../../../pipeline/lake";
import { collect, describeObjectStoreContract, expectCode, text } from "./object-store-contract";

async function tempFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), "lakebook-local-"));
}

describeObjectStoreContract("LocalFolderStore", async () => {
  const dir = await tempFolder();
  return {
    store: new LocalFolderStore(join(dir, "lake")),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe("LocalFolderStore on disk", () => {
  let dir: string;
  let root: string;
  let store: LocalFolderStore;
  beforeEach(async () => {
    dir = await tempFolder();
    root = join(dir, "lake");
    store = new LocalFolderStore(root);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps key K at <root>/K, where DuckDB can read it", async () => {
    const key = "Raw/Local/CSV/Movies/2026/01/05/movies.csv";
    await store.put(key, "id|tituloPincipal\n");
    expect(store.pathOf(key)).toBe(
      join(root, "Raw", "Local", "CSV", "Movies", "2026", "01", "05", "movies.csv"),
    );
    expect(await readFile(store.pathOf(key), "utf8")).toBe("id|tituloPincipal\n");
    expect(store.location).toBe(`file://${root}/`);
  });

  it("returns the MD5 of what it wrote as the etag", async () => {
    const info = await store.put("a.txt", "hello");
    expect(info.etag).toBe("5d41402abc4b2a76b9719d911017c592");
  });

  it("returns the CRC-32 of what it wrote instead when asked (the ingest's proof)", async () => {
    const info = await store.put("a.txt", "hello", { checksum: "crc32" });
    expect(info.crc32).toBe(0x3610a686);
    expect(info.etag).toBeUndefined();
  });

  it("leaves no temp file behind after a put whose stream fails, and keeps the old object", async () => {
    await store.put("Raw/data.csv", "previous");
    async function* failing() {
      yield Buffer.alloc(256 * 1024, 1);
      throw new Error("network dropped");
    }
    await expectCode(store.put("Raw/data.csv", failing()), "LAKE_SOURCE_FAILED");
    expect(await readFile(join(root, "Raw", "data.csv"), "utf8")).toBe("previous");
    expect(await readdir(join(root, TEMP_FOLDER))).toEqual([]);
  });

  it("never shows a half-written object to a reader", async () => {
    await store.put("Raw/data.csv", "previous");
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* slow() {
      yield Buffer.from("new ");
      await gate;
      yield Buffer.from("content");
    }
    const writing = store.put("Raw/data.csv", slow());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await text(store, "Raw/data.csv")).toBe("previous");
    release();
    await writing;
    expect(await text(store, "Raw/data.csv")).toBe("new content");
    expect(await readdir(join(root, TEMP_FOLDER))).toEqual([]);
  });

  it("refuses keys that escape the root through a symlinked folder", async () => {
    const outside = join(dir, "outside");
    await mkdir(outside);
    await writeFile(join(outside, "secret.txt"), "secret");
    await mkdir(root, { recursive: true });
    await symlink(outside, join(root, "Raw"));
    await expectCode(store.put("Raw/new/file.csv", "x"), "LAKE_KEY_INVALID");
    await expectCode(store.put("Raw/file.csv", "x"), "LAKE_KEY_INVALID");
    await expectCode(store.get("Raw/secret.txt"), "LAKE_KEY_INVALID");
    await expectCode(store.head("Raw/secret.txt"), "LAKE_KEY_INVALID");
    await expectCode(store.delete("Raw/secret.txt"), "LAKE_KEY_INVALID");
    await expectCode(collect(store.list("Raw/")), "LAKE_KEY_INVALID");
    expect(await readdir(outside)).toEqual(["secret.txt"]);
    // Symbolic links are not objects, so listing the whole lake does not follow them either.
    expect(await collect(store.list(""))).toEqual([]);
  });

  it("reports an unwritable root as LAKE_UNWRITABLE with the path", async () => {
    // Tests run as root, so permissions cannot make a folder unwritable; a file in the path can.
    await writeFile(join(dir, "file.txt"), "not a folder");
    const blocked = new LocalFolderStore(join(dir, "file.txt", "lake"));
    const error = await expectCode(blocked.put("Raw/x.csv", "x"), "LAKE_UNWRITABLE");
    expect(error.message).toContain(join(dir, "file.txt", "lake"));
    expect(error.hint).toBeTruthy();
    expect(await blocked.head("Raw/x.csv")).toBeUndefined();
    expect(await collect(blocked.list(""))).toEqual([]);
  });

  it("skips Lakebook's own top-level folders (_catalog/, dot folders) when listing the lake", async () => {
    await store.put("Raw/a.csv", "a");
    await store.put("_catalog/tables.json", "{}");
    await mkdir(join(root, ".git"), { recursive: true });
    await writeFile(join(root, ".git", "HEAD"), "ref");
    await store.put("Refined/_meta/x.json", "{}");
    expect((await collect(store.list(""))).map((o) => o.key)).toEqual(["Raw/a.csv", "Refined/_meta/x.json"]);
    expect((await collect(store.list("_catalog/"))).map((o) => o.key)).toEqual(["_catalog/tables.json"]);
    await expectCode(store.put(`${TEMP_FOLDER}/x`, "x"), "LAKE_KEY_INVALID");
  });

  it("lists in S3 byte order, where `a-c` sorts before everything under `a/`", async () => {
    for (const key of ["a/b", "a-c", "a/b0", "ab", "a0"]) await store.put(key, key);
    expect((await collect(store.list(""))).map((o) => o.key)).toEqual(["a-c", "a/b", "a/b0", "a0", "ab"]);
  });

  it("refuses an object and a folder of the same name with LAKE_KEY_CONFLICT", async () => {
    await store.put("Raw/x", "object");
    await expectCode(store.put("Raw/x/y.csv", "y"), "LAKE_KEY_CONFLICT");
    await store.put("Raw/d/e.csv", "e");
    await expectCode(store.put("Raw/d", "folder"), "LAKE_KEY_CONFLICT");
    expect(await text(store, "Raw/x")).toBe("object");
    expect(await store.head("Raw/d")).toBeUndefined();
    await store.delete("Raw/d");
    expect(await text(store, "Raw/d/e.csv")).toBe("e");
  });

  it("skips files whose names could not be keys", async () => {
    await store.put("Raw/ok.csv", "ok");
    await writeFile(join(root, "Raw", "bad\\name.csv"), "x");
    await writeFile(join(root, "Raw", "tab\tname.csv"), "x");
    expect((await collect(store.list(""))).map((o) => o.key)).toEqual(["Raw/ok.csv"]);
  });

  it("reads and lists nothing from a lake folder that does not exist yet", async () => {
    expect(await collect(store.list(""))).toEqual([]);
    expect(await store.head("Raw/x.csv")).toBeUndefined();
    await store.delete("Raw/x.csv");
    await expectCode(store.get("Raw/x.csv"), "LAKE_NOT_FOUND");
  });
});
