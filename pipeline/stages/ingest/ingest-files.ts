import { LakebookError } from "../../contract";
import { type Dataset, type ObjectStore, type ProcessingDate, rawCsvKey } from "../../lake";
import type { StageProgress } from "../stage";
import { type CsvReport, validateChallengeCsv } from "./csv";
import { ingestInOnePass } from "./one-pass";
import { readChunks, type SourceFile } from "./source-file";
import { TransferMeter } from "./transfer-meter";
import {
  digesting,
  type RawUploader,
  type S3UploadTuning,
  SourceDigest,
  StoreUploader,
  uploaderFor,
  type ValidatedSource,
} from "./upload";

/** A source file after its one validation pass: the report, and the hashes the upload checks against. */
export interface InspectedSource extends ValidatedSource {
  report: CsvReport;
}

/** Where one file landed in RAW and how that was checked. */
export interface StoredRaw {
  /** The lake key (`Raw/Local/CSV/…`). */
  key: string;
  /** The key in the bucket (with the lake's prefix), or the lake key locally. */
  objectKey: string;
  location: string;
  alreadyIngested: boolean;
  verified: string;
  resumedParts: number;
  sentParts: number;
}

export interface IngestedCsv {
  source: InspectedSource;
  stored: StoredRaw;
  ms: number;
}

export interface IngestRequest {
  files: SourceFile[];
  /** Insist on a dataset; otherwise each file's header decides. */
  dataset?: Dataset;
  date: ProcessingDate;
  store: ObjectStore;
  /** `.lakebook/` beside the notebook (or the current folder): where S3 upload checkpoints live. */
  stateDir: string;
  signal?: AbortSignal;
  progress?: (update: StageProgress) => void;
  log?: (level: "info" | "warn", text: string) => void;
  tuning?: S3UploadTuning;
}

/**
 * Stage 1 for a set of files, in the order the issue asks: validate every file (one streaming pass
 * each: refusals, warnings, SHA-256, and the MD5s an S3 upload checks against) before writing
 * anything, so a refused file leaves RAW untouched; then for each file, skip it if the same bytes
 * are already at its key, or upload it and verify what landed before calling it ingested.
 */
export async function ingestCsvFiles(request: IngestRequest): Promise<IngestedCsv[]> {
  const uploader = uploaderFor(request.store, request.stateDir, request.tuning);
  if (uploader instanceof StoreUploader) return ingestInOnePass(uploader, request);
  const inspected: { source: InspectedSource; key: string; started: number }[] = [];
  for (const file of request.files) {
    const started = performance.now();
    const source = await inspectSource(file, uploader, request);
    const key = rawCsvKey(source.report.dataset, request.date, file.name);
    const twin = inspected.find((earlier) => earlier.key === key);
    if (twin) {
      throw new LakebookError(
        "INGEST_DUPLICATE_KEY",
        `${twin.source.file.shown} and ${file.shown} would both be stored at ${key}.`,
        { hint: "Ingest files with different names, or one of them on another date." },
      );
    }
    inspected.push({ source, key, started });
  }
  const results: IngestedCsv[] = [];
  for (const { source, key, started } of inspected) {
    const stored = await storeRaw(source, key, uploader, request);
    results.push({ source, stored, ms: Math.round(performance.now() - started) });
  }
  return results;
}

/** The validation pass; progress in bytes read. Throws the validator's refusal (nothing is written). */
export async function inspectSource(
  file: SourceFile,
  uploader: RawUploader,
  request: Pick<IngestRequest, "dataset" | "signal" | "progress">,
): Promise<InspectedSource> {
  const partSize = uploader.digestPartSize(file.size);
  const digest = partSize === undefined ? undefined : new SourceDigest(partSize);
  const meter = new TransferMeter("Validating", file.name, file.size, request.progress);
  const report = await validateChallengeCsv(digesting(readChunks(file), digest), {
    fileName: file.shown,
    ...(request.dataset ? { dataset: request.dataset } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    onProgress: (bytes) => meter.update(bytes),
  });
  return {
    file,
    bytes: report.bytes,
    sha256: report.sha256,
    report,
    ...(digest ? { digest } : {}),
  };
}

/** Idempotency, upload with progress, verification: RAW gets the file whole or not at all. */
export async function storeRaw(
  source: InspectedSource,
  key: string,
  uploader: RawUploader,
  request: Pick<IngestRequest, "signal" | "progress" | "log">,
): Promise<StoredRaw> {
  const { signal, progress, log } = request;
  const where = { key, objectKey: uploader.objectKey(key), location: uploader.location(key) };
  if (await uploader.holdsSame(key, source, signal)) {
    log?.(
      "info",
      `${source.file.shown} is already ingested: ${where.location} holds the same SHA-256; nothing was sent.`,
    );
    return {
      ...where,
      alreadyIngested: true,
      verified: "SHA-256 of the object already there",
      resumedParts: 0,
      sentParts: 0,
    };
  }
  const meter = new TransferMeter("Uploading", source.file.name, source.bytes, progress);
  const outcome = await uploader.upload(key, source, {
    ...(signal ? { signal } : {}),
    onProgress: (bytes) => meter.update(bytes),
    ...(log ? { log } : {}),
  });
  progress?.({
    done: source.bytes,
    total: source.bytes,
    unit: "bytes",
    message: `Verifying ${where.location}`,
  });
  const verified = await uploader.verify(key, source, signal);
  return { ...where, alreadyIngested: false, verified, ...outcome };
}
