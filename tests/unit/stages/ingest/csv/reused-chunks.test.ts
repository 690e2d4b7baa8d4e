import { describe, expect, it } from "vitest";
import { validateChallengeCsv } from "../../../../../pipeline/stages/ingest/csv";
import { bytesOf, chunksAt, movieRow, moviesFile } from "./helpers";

/**
 * The local lake's one pass reads into buffers it reuses (`readChunksReusing`), so the validator
 * must copy whatever it keeps of a chunk past `push`: the header bytes collected over several
 * chunks, a field cut by a chunk's end, the bytes kept for replaying an open quote.
 */
async function* inOneReusedBuffer(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size);
    buffer.set(chunk);
    yield buffer.subarray(0, chunk.length);
    buffer.fill(0x21); // what a later read into the same buffer would leave
  }
}

describe("the validator fed chunks whose buffer is reused", () => {
  it("reports what it reports for fresh chunks", async () => {
    const rows = Array.from({ length: 150 }, (_, i) =>
      i === 120
        ? movieRow({ personagem: '"Ed\n\nFalcão"' })
        : movieRow({ anoLancamento: i === 130 ? "20x2" : "2002" }),
    );
    const bytes = bytesOf(moviesFile(...rows));
    const fresh = await validateChallengeCsv(chunksAt(bytes), { fileName: "movies.csv" });
    for (const size of [7, 64, 1000]) {
      const reused = await validateChallengeCsv(inOneReusedBuffer(bytes, size), { fileName: "movies.csv" });
      expect({ size, ...reused }).toEqual({ size, ...fresh });
    }
  });
});
