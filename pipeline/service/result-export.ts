import type { DownloadHead } from "../contract";
import type { Engine } from "../engine";
import { csvLine } from "./csv-line";

const PAGE = 10_000;
/** Rows are gathered into chunks of about this size: one write per row would be a message per row over IPC. */
const CHUNK_BYTES = 256 * 1024;

export interface Download {
  head: DownloadHead;
  body: AsyncIterable<Uint8Array>;
}

/**
 * `result.exportCsv`: a result kept by the engine as CSV, read page by page as the transport asks
 * for more, so a million-row export never sits in memory. The columns and first page are read
 * before answering, so a missing result is an error reply, not a broken download.
 */
export async function resultCsv(engine: Engine, resultId: string): Promise<Download> {
  const columns = engine.resultColumns(resultId).map((column) => column.name);
  const first = await engine.page(resultId, 0, PAGE);
  async function* body(): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    let pending = csvLine(columns);
    let rows = first;
    let offset = 0;
    while (rows.length > 0) {
      for (const row of rows) {
        pending += csvLine(columns.map((column) => row[column]));
        if (pending.length >= CHUNK_BYTES) {
          yield encoder.encode(pending);
          pending = "";
        }
      }
      offset += rows.length;
      if (rows.length < PAGE) break;
      rows = await engine.page(resultId, offset, PAGE);
    }
    if (pending) yield encoder.encode(pending);
  }
  return { head: { fileName: "lakebook-result.csv", contentType: "text/csv; charset=utf-8" }, body: body() };
}
