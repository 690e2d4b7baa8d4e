import { createHash } from "node:crypto";
import type { Dataset } from "../../../lake/paths";
import { HEADER_MAX_BYTES, HeadBuffer, headerEnd } from "./head";
import { checkHeader, DATASET_COLUMNS } from "./header";
import { RecordChecks } from "./record-checks";
import { cancelled, refuse } from "./refusals";
import type { CsvReport } from "./report";
import { assertLooksLikeText, SNIFF_BYTES } from "./sniff";
import { Utf8LineChecker } from "./utf8-check";
import { WarningCollector } from "./warnings";

export interface ValidateOptions {
  /** Named in every message. */
  fileName: string;
  /** Insist on a dataset; a file with the other dataset's header is then refused. */
  dataset?: Dataset;
  signal?: AbortSignal;
  /** Bytes read so far, after each chunk. */
  onProgress?: (bytes: number) => void;
}

type Body = ReturnType<typeof startBody>;

const BOM = [0xef, 0xbb, 0xbf] as const;
const headerDecoder = new TextDecoder("utf-8");

/**
 * Validates one of the challenge's CSV files in a single pass over its chunks, never holding the
 * file: hash, size, header, rows and warnings together. Throws a refusal (see refusals.ts) when
 * the file is not the dataset at all, and CANCELLED when `signal` aborts; anything else about the
 * rows is a warning, because RAW keeps the file as it is.
 */
export async function validateChallengeCsv(
  source: AsyncIterable<Uint8Array>,
  options: ValidateOptions,
): Promise<CsvReport> {
  const validator = new ChallengeCsvValidator(options);
  for await (const chunk of source) validator.push(chunk);
  return validator.finish();
}

/**
 * The same validation, fed chunk by chunk: the ingest's one pass hands each chunk to the store's
 * write and to `push`, so reading, checking, hashing and storing share one read of the file.
 */
export class ChallengeCsvValidator {
  private readonly hash = createHash("sha256");
  private readonly warnings = new WarningCollector();
  private readonly head = new HeadBuffer();
  private bytes = 0;
  private body: Body | undefined;

  constructor(private readonly options: ValidateOptions) {
    if (options.signal?.aborted) throw cancelled(options.fileName);
  }

  push(chunk: Uint8Array): void {
    if (this.options.signal?.aborted) throw cancelled(this.options.fileName);
    if (chunk.length === 0) return;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.options.onProgress?.(this.bytes);
    if (this.body) feed(this.body, chunk);
    else {
      this.head.add(chunk);
      if (this.head.ready) this.body = this.start(false);
    }
  }

  finish(): CsvReport {
    const { fileName } = this.options;
    if (this.options.signal?.aborted) throw cancelled(fileName);
    if (this.bytes === 0) {
      throw refuse(
        "CSV_EMPTY",
        fileName,
        "is empty (0 bytes).",
        "Check that the file was fully downloaded or copied.",
      );
    }
    const { dataset, checks, utf8 } = this.body ?? this.start(true);
    utf8.finish(checks.line);
    checks.finish();

    const columns = [...DATASET_COLUMNS[dataset]];
    return {
      dataset,
      delimiter: "|",
      columns,
      rows: checks.rows,
      quotedFields: checks.quotedFields,
      bytes: this.bytes,
      sha256: this.hash.digest("hex"),
      ...this.warnings.result(),
      preview: {
        columns: columns.map((name, i) => ({ name, type: checks.types[i] ?? "text" })),
        rows: checks.previewRows,
      },
    };
  }

  private start(wholeFile: boolean): Body {
    const started = startBody(this.head.bytes(), wholeFile, this.options, this.warnings);
    feed(started, started.rest);
    return started;
  }
}

/** Both checkers see every byte after the BOM, the UTF-8 one first (it needs the line it starts on). */
function feed(body: Body, chunk: Uint8Array): void {
  body.utf8.push(chunk, body.checks.line);
  body.checks.push(chunk);
}

/** The refusal checks on the file's first bytes, then the row checks set up and fed those bytes. */
function startBody(
  head: Uint8Array,
  wholeFile: boolean,
  options: ValidateOptions,
  warnings: WarningCollector,
) {
  const { fileName } = options;
  assertLooksLikeText(head.subarray(0, SNIFF_BYTES), fileName);
  const hasBom = BOM.every((byte, i) => head[i] === byte);
  const rest = hasBom ? head.subarray(BOM.length) : head;
  const end = headerEnd(rest, wholeFile);
  if (end < 0) {
    const crOnly = rest.subarray(0, HEADER_MAX_BYTES).includes(0x0d);
    throw refuse(
      "CSV_WRONG_HEADER",
      fileName,
      `has no line break in its first ${HEADER_MAX_BYTES / 1024} KB, so it has no header line like the challenge's files.`,
      crOnly
        ? "Its lines seem to end with \\r alone (old Mac style); the challenge's files use \\n. Ingest the original file."
        : "Ingest the challenge's original movies.csv or series.csv.",
    );
  }
  const dataset = checkHeader(headerDecoder.decode(rest.subarray(0, end)), fileName, options.dataset);
  if (hasBom) {
    warnings.add(
      "BOM",
      1,
      "The file starts with a UTF-8 byte order mark. RAW keeps it; DuckDB skips it, but other readers may see it in the first column's name.",
    );
  }
  const checks = new RecordChecks(DATASET_COLUMNS[dataset], warnings);
  const utf8 = new Utf8LineChecker((line) =>
    warnings.add(
      "INVALID_UTF8",
      line,
      "This line is not valid UTF-8 (the challenge's encoding); DuckDB will refuse the file. Was it re-saved as Latin-1 or Windows-1252?",
    ),
  );
  return { dataset, checks, utf8, rest };
}
