import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LambdaPackage, packageTmdbLambda } from "../../../../../pipeline/stages/tmdb/lambda";

let first: LambdaPackage;
let dir: string;

beforeAll(async () => {
  first = await packageTmdbLambda();
  dir = await mkdtemp(join(tmpdir(), "lakebook-lambda-zip-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("packageTmdbLambda", () => {
  it("zips one index.mjs, readable by all, and reports the zip's SHA-256 as Lambda does (base64)", () => {
    const files = unzipSync(first.zip);
    expect(Object.keys(files)).toEqual(["index.mjs"]);
    expect(files["index.mjs"]?.byteLength).toBe(first.bundleBytes);
    expect(first.sha256).toBe(createHash("sha256").update(first.zip).digest("base64"));
    // Central directory entry: version made by Unix (3), external attributes rw-r--r-- regular file.
    const central = Buffer.from(first.zip).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(first.zip[central + 5]).toBe(3);
    expect(Buffer.from(first.zip).readUInt32LE(central + 38) >>> 16).toBe(0o100644);
  });

  it("is deterministic: a second build has the same bytes", async () => {
    const second = await packageTmdbLambda();
    expect(second.sha256).toBe(first.sha256);
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
  });

  it("holds neither DuckDB nor the packager, and bundles the AWS SDK it uses", () => {
    const text = new TextDecoder().decode(unzipSync(first.zip)["index.mjs"]);
    // The DuckDB library, not the word: the contract's schemas name "duckdb" as an engine.
    expect(text).not.toMatch(/@duckdb\/|duckdb\.node|DuckDBInstance/);
    expect(text).not.toContain("esbuild");
    expect(text).toContain("GetSecretValue");
    // Only Node's built-ins are imported at run time: nothing to install beside index.mjs.
    const imports = [...text.matchAll(/\bfrom\s*"([^"]+)"/g)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) expect(specifier).toMatch(/^node:/);
  });

  it("imports as an ES module and answers an event it cannot read with a failed status", async () => {
    const file = join(dir, "index.mjs");
    await writeFile(file, unzipSync(first.zip)["index.mjs"] as Uint8Array);
    const bundled = (await import(pathToFileURL(file).href)) as {
      handler: (event: unknown, context: { getRemainingTimeInMillis(): number }) => Promise<unknown>;
    };
    expect(typeof bundled.handler).toBe("function");
    const status = await bundled.handler({ runId: "r1" }, { getRemainingTimeInMillis: () => 900_000 });
    expect(status).toMatchObject({ state: "failed", error: { code: "TMDB_LAMBDA_EVENT_INVALID" } });
  });
});
