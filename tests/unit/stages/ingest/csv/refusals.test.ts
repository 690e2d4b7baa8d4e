import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { detectDataset, isCsvRefusal, validateChallengeCsv } from "../../../../../pipeline/stages/ingest/csv";
import {
  chunksOf,
  MOVIES_HEADER,
  movieRow,
  moviesFile,
  refusal,
  SERIES_HEADER,
  seriesRow,
  validate,
} from "./helpers";

/** Deterministic pseudo-random bytes (a fixed-seed xorshift), so the test never flakes. */
function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

describe("refusals: files that are not the dataset", () => {
  it("refuses an empty file", async () => {
    const error = await refusal("", "CSV_EMPTY");
    expect(error.message).toBe("movies.csv: is empty (0 bytes).");
    expect(isCsvRefusal(error)).toBe(true);
  });

  it("refuses gzip bytes named .csv, and says to decompress, however they are chunked", async () => {
    const gzipped = gzipSync(Buffer.from(moviesFile(movieRow())));
    const error = await refusal(gzipped, "CSV_BINARY");
    expect(error.message).toContain("looks like a gzip file");
    expect(error.hint).toMatch(/decompress/i);
    await expect(
      validateChallengeCsv(chunksOf(gzipped, 1), { fileName: "movies.csv" }),
    ).rejects.toMatchObject({
      code: "CSV_BINARY",
    });
  });

  it.each([
    ["zip (or xlsx)", [0x50, 0x4b, 0x03, 0x04], "zip archive"],
    ["bzip2", [0x42, 0x5a, 0x68, 0x39], "bzip2"],
    ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "xz"],
    ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "7z"],
    ["zstd", [0x28, 0xb5, 0x2f, 0xfd], "zstd"],
    ["parquet", [0x50, 0x41, 0x52, 0x31], "Parquet"],
    ["UTF-16", [0xff, 0xfe, 0x69, 0x00], "UTF-16"],
  ])("refuses %s by its signature", async (_name, magic, kind) => {
    const bytes = new Uint8Array([...magic, ...new TextEncoder().encode(moviesFile(movieRow()))]);
    const error = await refusal(bytes, "CSV_BINARY");
    expect(error.message).toContain(kind);
  });

  it("refuses random bytes", async () => {
    await refusal(randomBytes(64 * 1024), "CSV_BINARY");
    await refusal(randomBytes(300, 42), "CSV_BINARY");
  });

  it("refuses NUL bytes in the first chunk, naming the offset", async () => {
    const error = await refusal(`${MOVIES_HEADER}\n\0\0\0`, "CSV_BINARY");
    expect(error.message).toContain(`offset ${MOVIES_HEADER.length + 1}`);
  });

  it.each([
    [",", "comma"],
    ["\t", "tab"],
    [";", "semicolon"],
  ])("refuses a copy delimited by %j, naming it and the expected |", async (delimiter, name) => {
    const file = `${MOVIES_HEADER.replaceAll("|", delimiter)}\n${movieRow().replaceAll("|", delimiter)}\n`;
    const error = await refusal(file, "CSV_WRONG_DELIMITER");
    expect(error.message).toContain(`${name}-delimited`);
    expect(error.message).toContain('"|"');
  });

  it("refuses a comma file that is some other dataset as a wrong header", async () => {
    const error = await refusal("a,b,c\n1,2,3\n", "CSV_WRONG_HEADER");
    expect(error.message).toContain('no "|"');
  });

  it("refuses a header whose typo was 'fixed', explaining that RAW keeps the source's header", async () => {
    const file = moviesFile(movieRow()).replace("tituloPincipal", "tituloPrincipal");
    const error = await refusal(file, "CSV_WRONG_HEADER");
    expect(error.message).toContain('column 2: expected "tituloPincipal", found "tituloPrincipal"');
    expect(error.hint).toContain("RAW must hold the source's exact header");
  });

  it("names a missing column, an extra column and a case change", async () => {
    const missing = await refusal(MOVIES_HEADER.replace("|genero|", "|"), "CSV_WRONG_HEADER");
    expect(missing.message).toContain('column 6 "genero" is missing (found 14 columns, expected 15)');
    const extra = await refusal(`${MOVIES_HEADER}|bonus\n`, "CSV_WRONG_HEADER");
    expect(extra.message).toContain('extra column 16 "bonus"');
    const cased = await refusal(`${MOVIES_HEADER.replace("notaMedia", "NotaMedia")}\n`, "CSV_WRONG_HEADER");
    expect(cased.message).toContain('column 7: expected "notaMedia", found "NotaMedia"');
    expect(cased.hint).toMatch(/case-sensitive/);
  });

  it("refuses a series file ingested as movies, and movies as series, with the flag to use", async () => {
    const series = `${SERIES_HEADER}\n${seriesRow()}\n`;
    const asMovies = await refusal(series, "CSV_WRONG_DATASET", {
      dataset: "movies",
      fileName: "series.csv",
    });
    expect(asMovies.message).toContain("series.csv: has the series header");
    expect(asMovies.hint).toContain("--dataset series");
    const asSeries = await refusal(moviesFile(movieRow()), "CSV_WRONG_DATASET", { dataset: "series" });
    expect(asSeries.hint).toContain("--dataset movies");
  });

  it("diffs against the dataset the caller insisted on", async () => {
    const error = await refusal(moviesFile(movieRow()).replace("id|", "ID|"), "CSV_WRONG_HEADER", {
      dataset: "series",
    });
    expect(error.message).toContain("series columns");
  });

  it("refuses a file with no line break in its first 64 KB", async () => {
    const error = await refusal(`${MOVIES_HEADER}\r${"x".repeat(70_000)}`, "CSV_WRONG_HEADER");
    expect(error.message).toContain("no line break");
    expect(error.hint).toContain("\\r alone");
  });

  it("is not fooled by a BOM in front of a wrong header", async () => {
    await refusal(`\uFEFF${MOVIES_HEADER.replace("genero", "genre")}\n`, "CSV_WRONG_HEADER");
  });
});

describe("detectDataset", () => {
  it("recognises exactly the two headers, BOM and line ending tolerated", () => {
    expect(detectDataset(MOVIES_HEADER)).toBe("movies");
    expect(detectDataset(`${SERIES_HEADER}\r\n`)).toBe("series");
    expect(detectDataset(`\uFEFF${MOVIES_HEADER}\n`)).toBe("movies");
    expect(detectDataset(MOVIES_HEADER.replace("tituloPincipal", "tituloPrincipal"))).toBeUndefined();
    expect(detectDataset(MOVIES_HEADER.replaceAll("|", ","))).toBeUndefined();
    expect(detectDataset("")).toBeUndefined();
  });
});

describe("cancellation and progress", () => {
  it("stops with CANCELLED when the signal aborts, before or during the read", async () => {
    const before = new AbortController();
    before.abort();
    await expect(validate(moviesFile(movieRow()), { signal: before.signal })).rejects.toMatchObject({
      code: "CANCELLED",
    });

    const during = new AbortController();
    async function* source() {
      yield new TextEncoder().encode(moviesFile(movieRow()));
      during.abort();
      yield new TextEncoder().encode(`${movieRow()}\n`);
    }
    await expect(
      validateChallengeCsv(source(), { fileName: "movies.csv", signal: during.signal }),
    ).rejects.toMatchObject({ code: "CANCELLED", retryable: true });
  });

  it("reports the bytes read after each chunk", async () => {
    const file = moviesFile(movieRow(), movieRow());
    const seen: number[] = [];
    const report = await validateChallengeCsv(chunksOf(file, 100), {
      fileName: "movies.csv",
      onProgress: (bytes) => seen.push(bytes),
    });
    expect(seen.at(-1)).toBe(report.bytes);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBe(Math.ceil(report.bytes / 100));
  });
});
