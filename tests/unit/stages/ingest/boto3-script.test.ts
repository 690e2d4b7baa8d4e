import { describe, expect, it } from "vitest";
import { boto3Script, explainRawKey } from "../../../../pipeline/stages/ingest";

describe("the boto3 script shown to students", () => {
  it("names the exact bucket, key and path of an S3 ingest", () => {
    const script = boto3Script({
      file: "data/movies.csv",
      bucket: "horror-lake",
      key: "lake/Raw/Local/CSV/Movies/2026/11/25/movies.csv",
      bytes: 180_000_118,
      partSize: 8 * 1024 * 1024,
    });
    expect(script).toBe(`# The same ingest with boto3 (read-only: Lakebook already did this for you).
# Credentials come from the AWS default chain (environment, ~/.aws profiles, SSO), never from code.
import hashlib

import boto3
from boto3.s3.transfer import TransferConfig

path = "data/movies.csv"
bucket = "horror-lake"
key = "lake/Raw/Local/CSV/Movies/2026/11/25/movies.csv"

# The SHA-256 of the exact bytes, kept as object metadata so a rerun can tell they are already there.
sha256 = hashlib.sha256()
with open(path, "rb") as f:
    for chunk in iter(lambda: f.read(1024 * 1024), b""):
        sha256.update(chunk)

s3 = boto3.client("s3")
s3.upload_file(
    path,
    bucket,
    key,
    ExtraArgs={"ContentType": "text/csv; charset=utf-8", "Metadata": {"sha256": sha256.hexdigest()}},
    # Whole and unmodified: multipart above one part, retried by boto3 on throttling and 5xx.
    Config=TransferConfig(multipart_threshold=8 * 1024 * 1024, multipart_chunksize=8 * 1024 * 1024),
)

head = s3.head_object(Bucket=bucket, Key=key)
assert head["ContentLength"] == 180000118
assert head["Metadata"]["sha256"] == sha256.hexdigest()
print(f"s3://{bucket}/{key}", head["ContentLength"], "bytes")
`);
  });

  it("shows a placeholder bucket for the local lake, and quotes paths as Python strings", () => {
    const script = boto3Script({
      file: 'data/"filmes" ação.csv',
      bucket: undefined,
      key: "Raw/Local/CSV/Movies/2026/01/05/filmes ação.csv",
      bytes: 10,
      partSize: 16 * 1024 * 1024,
    });
    expect(script).toContain('path = "data/\\"filmes\\" ação.csv"\n');
    expect(script).toContain(
      'bucket = "your-data-lake-bucket"  # placeholder: this run used the local lake folder instead of S3\n',
    );
    expect(script).toContain("multipart_chunksize=16 * 1024 * 1024");
    expect(script).not.toMatch(/aws_access_key_id|aws_secret_access_key/);
  });

  it("explains each part of the RAW path", () => {
    expect(
      explainRawKey(
        "Raw/Local/CSV/Movies/2026/11/25/movies.csv",
        "movies",
        { year: 2026, month: 11, day: 25 },
        "movies.csv",
      ),
    ).toBe(
      "Raw/Local/CSV/Movies/2026/11/25/movies.csv follows the challenge's RAW pattern Raw/Local/CSV/<Movies|Series>/YYYY/MM/DD/<file>: " +
        "zone Raw (files exactly as received), source Local (the course's CSV files, as opposed to TMDB), format CSV, " +
        "dataset Movies, processing date 2026/11/25 (the day it was ingested, UTC, zero-padded), then the original file name " +
        "movies.csv. The folder names are case-sensitive: Glue, Athena and the next stages find the file only under exactly this key.",
    );
    expect(explainRawKey("x", "series", { year: 2026, month: 1, day: 5 }, "series.csv")).toContain(
      "dataset Series, processing date 2026/01/05",
    );
  });
});
