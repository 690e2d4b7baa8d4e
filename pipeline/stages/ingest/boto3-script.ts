import { DATASET_FOLDER, type Dataset, formatDatePath, type ProcessingDate, RAW_CSV_ROOT } from "../../lake";

/**
 * What the ingest cell shows students: the boto3 they would write to do the same by hand, and what
 * each folder of the RAW key means. Text only; nothing here runs.
 */
export interface Boto3ScriptInput {
  /** The source path as the user wrote it. */
  file: string;
  /** The bucket, or undefined on the local lake (a placeholder is shown). */
  bucket: string | undefined;
  /** The object's key in the bucket. */
  key: string;
  bytes: number;
  partSize: number;
}

export const PLACEHOLDER_BUCKET = "your-data-lake-bucket";

/** Python string literal: JSON's escapes are valid in Python, and non-ASCII stays readable. */
function py(text: string): string {
  return JSON.stringify(text);
}

export function boto3Script(input: Boto3ScriptInput): string {
  const mib = input.partSize / (1024 * 1024);
  const size = Number.isInteger(mib) ? `${mib} * 1024 * 1024` : String(input.partSize);
  const bucketLine = input.bucket
    ? `bucket = ${py(input.bucket)}`
    : `bucket = ${py(PLACEHOLDER_BUCKET)}  # placeholder: this run used the local lake folder instead of S3`;
  return [
    "# The same ingest with boto3 (read-only: Lakebook already did this for you).",
    "# Credentials come from the AWS default chain (environment, ~/.aws profiles, SSO), never from code.",
    "import hashlib",
    "",
    "import boto3",
    "from boto3.s3.transfer import TransferConfig",
    "",
    `path = ${py(input.file)}`,
    bucketLine,
    `key = ${py(input.key)}`,
    "",
    "# The SHA-256 of the exact bytes, kept as object metadata so a rerun can tell they are already there.",
    "sha256 = hashlib.sha256()",
    'with open(path, "rb") as f:',
    '    for chunk in iter(lambda: f.read(1024 * 1024), b""):',
    "        sha256.update(chunk)",
    "",
    's3 = boto3.client("s3")',
    "s3.upload_file(",
    "    path,",
    "    bucket,",
    "    key,",
    '    ExtraArgs={"ContentType": "text/csv; charset=utf-8", "Metadata": {"sha256": sha256.hexdigest()}},',
    "    # Whole and unmodified: multipart above one part, retried by boto3 on throttling and 5xx.",
    `    Config=TransferConfig(multipart_threshold=${size}, multipart_chunksize=${size}),`,
    ")",
    "",
    "head = s3.head_object(Bucket=bucket, Key=key)",
    `assert head["ContentLength"] == ${input.bytes}`,
    'assert head["Metadata"]["sha256"] == sha256.hexdigest()',
    'print(f"s3://{bucket}/{key}", head["ContentLength"], "bytes")',
    "",
  ].join("\n");
}

/** One sentence on the key's parts: `Raw/Local/CSV/Movies/2026/11/25/movies.csv`. */
export function explainRawKey(key: string, dataset: Dataset, date: ProcessingDate, fileName: string): string {
  const datePath = formatDatePath(date);
  return (
    `${key} follows the challenge's RAW pattern ${RAW_CSV_ROOT}/<Movies|Series>/YYYY/MM/DD/<file>: ` +
    "zone Raw (files exactly as received), source Local (the course's CSV files, as opposed to TMDB), " +
    `format CSV, dataset ${DATASET_FOLDER[dataset]}, processing date ${datePath} (the day it was ingested, ` +
    `UTC, zero-padded), then the original file name ${fileName}. The folder names are case-sensitive: ` +
    "Glue, Athena and the next stages find the file only under exactly this key."
  );
}
