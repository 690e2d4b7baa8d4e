import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitRecords } from "../../../../../pipeline/stages/ingest/csv";

/**
 * The csv-spectrum corpus (comma files, each with the JSON a correct parser yields) run through
 * the validator's own record splitter, so its quoting rule is proven on a standard corpus.
 */
const corpus = dirname(createRequire(import.meta.url).resolve("csv-spectrum/package.json"));
const names = readdirSync(join(corpus, "csvs"))
  .filter((file) => file.endsWith(".csv"))
  .map((file) => basename(file, ".csv"));

// Known mistakes in the corpus's expected JSON, not in the CSVs:
// csv-spectrum#20 — location_coordinates.json has a phone number the CSV does not contain;
// csv-spectrum#22 — the same file holds an object where every other file holds an array.
const ERRATA: Record<string, Record<string, string>> = {
  location_coordinates: { "Contact Phone Number": "2095257564" },
};

function expectedRecords(name: string): string[][] {
  const json: unknown = JSON.parse(readFileSync(join(corpus, "json", `${name}.json`), "utf8"));
  const objects = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
  const header = Object.keys(objects[0] ?? {});
  return [header, ...objects.map((object) => header.map((key) => ERRATA[name]?.[key] ?? object[key] ?? ""))];
}

function split(bytes: Uint8Array, chunkSize: number): string[][] {
  const splitter = splitRecords(",");
  const records: string[][] = [];
  for (let at = 0; at < bytes.length; at += chunkSize)
    records.push(...splitter.push(bytes.subarray(at, at + chunkSize)));
  return [...records, ...splitter.finish()];
}

describe("splitRecords on the csv-spectrum corpus", () => {
  it("covers the whole corpus", () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of names) {
    it(`${name}.csv yields exactly the records of ${name}.json, however it is chunked`, () => {
      const bytes = readFileSync(join(corpus, "csvs", `${name}.csv`));
      const expected = expectedRecords(name);
      for (const size of [bytes.length, 1, 2, 3, 7]) {
        expect(split(bytes, size), `chunks of ${size} bytes`).toEqual(expected);
      }
    });
  }
});
