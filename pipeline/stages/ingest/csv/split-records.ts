import { decodeField } from "./field-text";
import type { RecordEnd, RecordSink } from "./scan-types";
import { CsvScanner } from "./scanner";

/**
 * The validator's record splitting on its own, as plain strings: for small inputs, tests (the
 * csv-spectrum corpus proves the quoting rule on it) and tools. Blank lines are skipped, as DuckDB
 * skips them. Records come out of `push` as soon as their line ends; `finish` flushes the last.
 */
export interface RecordSplitter {
  push(chunk: Uint8Array): string[][];
  finish(): string[][];
}

export function splitRecords(delimiter: string): RecordSplitter {
  let done: string[][] = [];
  let current: string[] = [];
  const sink: RecordSink = {
    field(_index, bytes, start, end, _length, quoted) {
      current.push(bytes ? decodeField(bytes.subarray(start, end), quoted) : "");
    },
    record(end: RecordEnd) {
      if (!end.blank) done.push(current);
      current = [];
    },
  };
  const scanner = new CsvScanner(sink, { delimiter });
  scanner.captureAll = true;
  const take = () => {
    const out = done;
    done = [];
    return out;
  };
  return {
    push(chunk) {
      scanner.push(chunk);
      return take();
    },
    finish() {
      scanner.finish();
      return take();
    },
  };
}
