import { open } from "node:fs/promises";
import { LakebookError } from "../../contract";
import { rawCsvKey } from "../../lake";
import { ChallengeCsvValidator, HEADER_MAX_BYTES } from "./csv";
import { type IngestedCsv, type IngestRequest, inspectSource, storeRaw } from "./ingest-files";
import type { SourceFile } from "./source-file";
import { TransferMeter } from "./transfer-meter";
import type { StoreUploader } from "./upload";

/**
 * Stage 1 on the local lake, reading each file once. Every refusal is decided by a file's first
 * bytes (its size, the binary sniff, the header: `csv/refusals.ts`), so those are checked for every
 * file first and a refused file still leaves RAW untouched, for every file of the cell. Then each
 * file is validated, hashed and stored in one pass (`StoreUploader.storeValidating`). A key that
 * already holds a file takes the two-pass way: the same bytes are "already ingested" without
 * writing anything, other bytes are refused (RAW is append-only; the one-pass `put` would replace).
 */
export async function ingestInOnePass(
  uploader: StoreUploader,
  request: IngestRequest,
): Promise<IngestedCsv[]> {
  const planned: { file: SourceFile; key: string; started: number }[] = [];
  for (const file of request.files) {
    const started = performance.now();
    const key = rawCsvKey(await datasetOf(file, request), request.date, file.name);
    const twin = planned.find((earlier) => earlier.key === key);
    if (twin) {
      throw new LakebookError(
        "INGEST_DUPLICATE_KEY",
        `${twin.file.shown} and ${file.shown} would both be stored at ${key}.`,
        { hint: "Ingest files with different names, or one of them on another date." },
      );
    }
    planned.push({ file, key, started });
  }
  const results: IngestedCsv[] = [];
  for (const { file, key, started } of planned) {
    const existing = await request.store.head(key);
    if (existing) {
      const source = await inspectSource(file, uploader, request);
      const stored = await storeRaw(source, key, uploader, request);
      results.push({ source, stored, ms: Math.round(performance.now() - started) });
      continue;
    }
    const validator = new ChallengeCsvValidator(validateOptions(file, request));
    const meter = new TransferMeter("Uploading", file.name, file.size, request.progress);
    const { report, verified } = await uploader.storeValidating(key, file, validator, {
      ...(request.signal ? { signal: request.signal } : {}),
      onProgress: (bytes) => meter.update(bytes),
    });
    request.progress?.({
      done: report.bytes,
      total: report.bytes,
      unit: "bytes",
      message: `Verifying ${uploader.location(key)}`,
    });
    results.push({
      source: { file, bytes: report.bytes, sha256: report.sha256, report },
      stored: {
        key,
        objectKey: uploader.objectKey(key),
        location: uploader.location(key),
        alreadyIngested: false,
        verified,
        resumedParts: 0,
        sentParts: 1,
      },
      ms: Math.round(performance.now() - started),
    });
  }
  return results;
}

function validateOptions(file: SourceFile, request: Pick<IngestRequest, "dataset" | "signal">) {
  return {
    fileName: file.shown,
    ...(request.dataset ? { dataset: request.dataset } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  };
}

/** The refusal checks on the file's first bytes (throws the refusal), and the dataset its header names. */
async function datasetOf(file: SourceFile, request: Pick<IngestRequest, "dataset" | "signal" | "progress">) {
  const handle = await open(file.path, "r");
  let head: Uint8Array;
  try {
    const buffer = Buffer.alloc(Math.min(file.size, HEADER_MAX_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  request.progress?.({
    done: head.length,
    total: file.size,
    unit: "bytes",
    message: `Validating ${file.name}`,
  });
  // The head alone, as the whole pass would see it: the same sniff, header and dataset decisions.
  const validator = new ChallengeCsvValidator(validateOptions(file, request));
  validator.push(head);
  return validator.finish().dataset;
}
