import type { ServerResponse } from "node:http";
import type { Engine } from "../engine";
import { csvLine } from "./csv-line";

const PAGE = 10_000;

/**
 * Streams a result kept by the engine as CSV, page by page, waiting for the socket to drain:
 * a million-row export never sits in memory.
 */
export async function sendResultCsv(
  engine: Engine,
  resultId: string,
  response: ServerResponse,
): Promise<void> {
  const columns = engine.resultColumns(resultId).map((column) => column.name);
  const first = await engine.page(resultId, 0, PAGE);
  response.writeHead(200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="lakebook-result.csv"`,
    "Cache-Control": "no-store",
  });
  let gone = false;
  response.once("close", () => {
    gone = true;
  });
  // Wait for the socket to drain, but stop as soon as the browser goes away.
  const write = async (text: string) => {
    if (gone) throw new Error("client went away");
    if (response.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        response.off("drain", done);
        response.off("close", done);
        resolve();
      };
      response.on("drain", done);
      response.on("close", done);
    });
  };
  await write(csvLine(columns));
  let rows = first;
  let offset = 0;
  while (rows.length > 0) {
    for (const row of rows) await write(csvLine(columns.map((column) => row[column])));
    offset += rows.length;
    if (rows.length < PAGE) break;
    rows = await engine.page(resultId, offset, PAGE);
  }
  response.end();
}
