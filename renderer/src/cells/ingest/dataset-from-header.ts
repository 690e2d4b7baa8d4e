export type Dataset = "movies" | "series";

/** Enough of a CSV to hold its header line (about 170 bytes in the challenge's files). */
export const HEADER_BYTES = 1024;

/**
 * movies or series, from a CSV's first line; undefined when the line is neither. The exact column
 * lists live in `pipeline/lake/dataset-columns.ts`, which the renderer may not import (it compiles
 * without Node and reaches the pipeline only through the service), so only the rule that tells the
 * two files apart is copied here: series.csv has `anoTermino` after `anoLancamento`. This is a
 * convenience for filling in the cell; the ingest stage still checks the whole header.
 */
export function datasetFromHeader(text: string): Dataset | undefined {
  const line = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  // `|` is the files' delimiter; the others only so a re-saved file is still recognised (and refused later with a reason).
  const fields = line.split(/[|,;\t]/).map((field) => field.trim().replace(/^"(.*)"$/, "$1"));
  const released = fields.indexOf("anoLancamento");
  if (released < 0) return undefined;
  return fields.indexOf("anoTermino") > released ? "series" : "movies";
}

/** Reads only the first KB of a chosen file: the page never loads a 172 MB CSV to look at its header. */
export async function datasetOfFile(file: Blob): Promise<Dataset | undefined> {
  try {
    return datasetFromHeader(await file.slice(0, HEADER_BYTES).text());
  } catch {
    return undefined;
  }
}
