import type { ColumnType } from "./column-types";
import { PLAIN_RECORDS_WASM } from "./plain-records-wasm";

/** Where the chunk goes in the module's memory; the column types sit below it (plain-records.wat). */
const DATA = 1024;
/** Room after the chunk for the 16-byte vector loads that run past its end. */
const TAIL = 16;
const PAGE = 64 * 1024;
const TYPE_CODE: Readonly<Record<ColumnType, number>> = { text: 0, integer: 1, decimal: 2 };

/** The part of the WebAssembly API used here: Node runs it, but @types/node 20 leaves its types to the DOM library. */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
let compiled: object | undefined;

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  records: { value: number };
  plain(from: number, end: number, columns: number): number;
}

/**
 * Counts the records that can hold no warning, in WebAssembly with 128-bit vectors
 * (`plain-records.wat`, built by `npm run build:wasm`): the scanner's shortcut past the preview
 * rows, several times faster than its byte machine and than a regular expression over the same
 * bytes. A line it counts is, byte for byte, a record the machine would count as a row and say
 * nothing about:
 *
 * - exactly one field per column, each ended by `|` and the last by a bare `\n` (no `\r` anywhere,
 *   so no CRLF, no stray CR, no multi-line field);
 * - no field empty (`EMPTY_FIELD`, `BLANK_LINE`) and none starting with `"` or a space, so nothing
 *   is quoted and no quote can open (a `"` later in a plain field is an ordinary character);
 * - each numeric column `\N` or what `isNumber` accepts: `-?[0-9]+`, with `(\.[0-9]+)?` for
 *   decimals, in at most 16 bytes (so far below the capture limit that no number is cut).
 *
 * Anything else is left to the byte machine, which decides as it always did.
 */
export class PlainRecords {
  private readonly exports: Exports;
  private chunkLength = 0;

  constructor(private readonly types: readonly ColumnType[]) {
    if (types.length === 0 || types.length > DATA)
      throw new Error(`cannot count records of ${types.length} columns`);
    compiled ??= new wasm.Module(Buffer.from(PLAIN_RECORDS_WASM, "base64"));
    this.exports = new wasm.Instance(compiled, {}).exports as Exports;
    const memory = new Uint8Array(this.exports.memory.buffer);
    types.forEach((type, i) => {
      memory[i] = TYPE_CODE[type];
    });
  }

  /** Copies `chunk` into the module, for the counts that follow. */
  load(chunk: Uint8Array): void {
    const memory = this.exports.memory;
    const needed = DATA + chunk.length + TAIL;
    if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    new Uint8Array(memory.buffer).set(chunk, DATA);
    this.chunkLength = chunk.length;
  }

  /**
   * Counts the plain records of the loaded chunk from `from` (where a record starts): how many,
   * and where they end. A record cut by the chunk's end is not counted.
   */
  count(from: number): { records: number; end: number } {
    const end = this.exports.plain(DATA + from, DATA + this.chunkLength, this.types.length) - DATA;
    return { records: this.exports.records.value, end };
  }
}
