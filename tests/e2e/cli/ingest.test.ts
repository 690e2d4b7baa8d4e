import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Client, MOVIES_COLUMNS, readAll } from "../../../pipeline/lake";
import { copyDemoProject } from "../../helpers/demo-lake";
import { EXAMPLE_CREDENTIALS, EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../helpers/example-aws-keys";
import { type RunningS3rver, startS3rver } from "../../helpers/s3rver";
import { lakebook, lakebookInOneProcess } from "./run-cli";

let dir: string;
let movies: Buffer;
let server: RunningS3rver;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-cli-ingest-"));
  // What `lakebook demo demo` writes (the notebook, data/), copied: this file is about ingest.
  await copyDemoProject(path.join(dir, "demo"));
  movies = await readFile(path.join(dir, "demo", "data", "movies.csv"));
  server = await startS3rver();
  // Another test process may be writing the shared demo project: waiting for it may take a while.
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const KEY = "Raw/Local/CSV/Movies/2026/11/25/movies.csv";
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const dataLines = (data: Buffer) => data.toString("utf8").trimEnd().split("\n").length - 1;

describe("lakebook ingest", () => {
  it("ingests the demo's movies.csv into the local lake and prints exactly the JSON shape", async () => {
    const result = await lakebook(
      ["ingest", "demo/data/movies.csv", "--lake", "lake", "--date", "2026-11-25", "--json"],
      dir,
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({
      ok: true,
      key: KEY,
      bytes: movies.length,
      sha256: sha256(movies),
      rows: dataLines(movies),
      columns: [...MOVIES_COLUMNS],
      warnings: [],
      warningCount: 0,
      alreadyIngested: false,
    });
    expect(result.stderr).toContain("Validating movies.csv");
    expect(result.stderr).toContain("Uploading movies.csv");
    const stored = await readFile(path.join(dir, "lake", ...KEY.split("/")));
    expect(Buffer.compare(stored, movies)).toBe(0);

    const again = await lakebook(
      ["ingest", "demo/data/movies.csv", "--lake", "lake", "--date", "2026-11-25", "--json"],
      dir,
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, alreadyIngested: true, key: KEY });

    const count = await lakebook(
      ["query", "SELECT count(*) AS n FROM raw.movies", "--lake", "lake", "--json"],
      dir,
    );
    expect(JSON.parse(count.stdout).rows).toEqual([{ n: report.rows }]);
  });

  it("prints a readable summary without --json", async () => {
    const result = await lakebook(
      ["ingest", "demo/data/series.csv", "--lake", "lake", "--date", "2026-11-25"],
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^ingested {2}demo\/data\/series\.csv → file:\/\/.*\/lake\/Raw\/Local\/CSV\/Series\/2026\/11\/25\/series\.csv\n/,
    );
    expect(result.stdout).toContain("raw.series is registered in the lake's catalog");
  });

  it("refuses series.csv ingested as movies: exit 1, the reason on stderr, the error as JSON, nothing written", async () => {
    const result = await lakebook(
      ["ingest", "demo/data/series.csv", "--dataset", "movies", "--lake", "refused-lake", "--json"],
      dir,
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({
      ok: false,
      error: {
        code: "CSV_WRONG_DATASET",
        message: expect.stringContaining("demo/data/series.csv: has the series header"),
        hint: expect.stringContaining("--dataset series"),
      },
    });
    expect(result.stderr).toContain(`lakebook: ${report.error.message}`);
    const written = await readdir(path.join(dir, "refused-lake"), { recursive: true });
    expect(written.filter((name) => name.startsWith("Raw"))).toEqual([]);
  });

  it("names a missing file in one line and exits 1", async () => {
    const result = await lakebook(["ingest", "demo/data/nope.csv", "--lake", "lake"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `lakebook: No such file: demo/data/nope.csv (${path.join(dir, "demo", "data", "nope.csv")}).`,
    ]);
    expect(result.stdout).toBe("");
  });

  it("exits 2 on a bad --date, --dataset or --s3, and with both --lake and --s3", async () => {
    const typedWrong = [
      ["--date", "2026-1-5"],
      ["--date", "2026-02-30"],
      ["--date", "today"],
      ["--dataset", "films"],
      ["--s3", "bucket-without-scheme"],
      ["--s3", "s3://Bad_Bucket"],
      ["--lake", "lake", "--s3", "s3://lake-bucket"],
    ];
    // Refusals answer before any work: one process for all of them.
    const results = await lakebookInOneProcess(
      [...typedWrong.map((args) => ["ingest", "demo/data/movies.csv", ...args]), ["ingest"]],
      dir,
    );
    expect(results).toHaveLength(typedWrong.length + 1);
    typedWrong.forEach((args, i) => {
      expect(results[i]?.code, args.join(" ")).toBe(2);
      expect(results[i]?.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    });
    expect(results[0]?.stderr).toContain("expected 2026-01-05");
    expect(results.at(-1)?.code).toBe(2);
  });

  it("ingests into S3 (s3rver) with the AWS environment, byte-identical, and never prints the credentials", async () => {
    const env = {
      AWS_ENDPOINT_URL_S3: server.endpoint,
      AWS_ACCESS_KEY_ID: server.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
      AWS_REGION: "us-east-1",
    };
    const args = [
      "ingest",
      "demo/data/movies.csv",
      "--s3",
      `s3://${server.bucket}/course`,
      "--date",
      "2026-11-25",
      "--json",
    ];
    const result = await lakebook(args, dir, env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      key: `course/${KEY}`,
      bytes: movies.length,
      sha256: sha256(movies),
      alreadyIngested: false,
    });
    const client = createS3Client({ endpoint: server.endpoint, credentials: server.credentials });
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: server.bucket, Key: `course/${KEY}` }));
      expect(Buffer.compare(await readAll(object.Body as AsyncIterable<Uint8Array>), movies)).toBe(0);
      expect(object.Metadata).toEqual({ sha256: sha256(movies) });
    } finally {
      client.destroy();
    }
    const again = await lakebook(args, dir, env);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, alreadyIngested: true });
    expect(`${result.stdout}${result.stderr}${again.stderr}`).not.toContain("S3RVER");

    const wrongKeys = await lakebook(args, dir, {
      ...env,
      AWS_ACCESS_KEY_ID: EXAMPLE_KEY_ID,
      AWS_SECRET_ACCESS_KEY: EXAMPLE_SECRET,
    });
    expect(wrongKeys.code).toBe(1);
    // A HEAD answers 403 without an error code, so S3 cannot say whether the key or the policy is wrong.
    expect(JSON.parse(wrongKeys.stdout).error).toMatchObject({ code: "S3_ERROR" });
    expect(`${wrongKeys.stdout}${wrongKeys.stderr}`).not.toMatch(EXAMPLE_CREDENTIALS);
  });
});
