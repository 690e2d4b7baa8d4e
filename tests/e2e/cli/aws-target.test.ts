import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Client } from "../../../pipeline/lake";
import { copyDemoProject } from "../../helpers/demo-lake";
import { type RunningS3rver, startS3rver } from "../../helpers/s3rver";
import { lakebook } from "./run-cli";

let dir: string;
let s3: RunningS3rver;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-aws-target-"));
  s3 = await startS3rver();
  // What `lakebook demo demo` writes, copied (another test process may be writing it: it may take a while).
  await copyDemoProject(path.join(dir, "demo"));
}, 300_000);
afterAll(async () => {
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("a notebook whose target is aws", () => {
  it("ingests into the notebook's bucket, with credentials only from the environment", async () => {
    const notebook = path.join(dir, "demo", "aws.lakebook.md");
    await writeFile(
      notebook,
      [
        "---",
        "lakebook: 1",
        "title: On AWS",
        "target:",
        "  kind: aws",
        `  bucket: ${s3.bucket}`,
        "  region: us-east-1",
        "  prefix: course",
        "---",
        "",
        "```ingest {#ingest_movies}",
        "dataset: movies",
        "file: data/movies.csv",
        "date: 2026-11-25",
        "```",
        "",
      ].join("\n"),
    );
    const env = {
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
    };
    const result = await lakebook(["run", notebook, "--json"], dir, env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).cells[0]).toMatchObject({ id: "ingest_movies", status: "ok" });
    expect(result.stdout + result.stderr).not.toContain("S3RVER");

    const client = createS3Client({
      endpoint: s3.endpoint,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    const object = await client.send(
      new GetObjectCommand({ Bucket: s3.bucket, Key: "course/Raw/Local/CSV/Movies/2026/11/25/movies.csv" }),
    );
    const stored = Buffer.from(
      await (object.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array())),
    );
    const source = await readFile(path.join(dir, "demo", "data", "movies.csv"));
    expect(createHash("sha256").update(stored).digest("hex")).toBe(
      createHash("sha256").update(source).digest("hex"),
    );
    client.destroy();
  });
});
