import { MOVIES_COLUMNS, SERIES_COLUMNS } from "../../../lake/dataset-columns";
import type { Dataset } from "../../../lake/paths";
import { showValue } from "./field-text";
import { refuse } from "./refusals";
import { splitRecords } from "./split-records";

/**
 * The header decides whether this is the challenge's file at all, and which one. It must match
 * the expected column list exactly, typo included: RAW keeps the source's bytes and the later
 * stages read these names.
 */
export const DATASET_COLUMNS: Record<Dataset, readonly string[]> = {
  movies: MOVIES_COLUMNS,
  series: SERIES_COLUMNS,
};

const OTHER_DELIMITERS = [
  { char: ",", name: "comma" },
  { char: ";", name: "semicolon" },
  { char: "\t", name: "tab" },
] as const;

const encoder = new TextEncoder();

/** The header's names under the validator's quoting rule (a quoted name reads as its text). */
export function headerFields(headerLine: string, delimiter = "|"): string[] {
  const line = headerLine.replace(/^\uFEFF/, "").replace(/\r?\n?$/, "");
  const splitter = splitRecords(delimiter);
  const records = [...splitter.push(encoder.encode(line)), ...splitter.finish()];
  return records[0] ?? [""];
}

function datasetOf(fields: readonly string[]): Dataset | undefined {
  for (const dataset of ["movies", "series"] as const) {
    const expected = DATASET_COLUMNS[dataset];
    if (fields.length === expected.length && expected.every((name, i) => fields[i] === name)) return dataset;
  }
  return undefined;
}

/** Which dataset a header line is (BOM and line ending tolerated), or undefined if neither exactly. */
export function detectDataset(headerLine: string): Dataset | undefined {
  return datasetOf(headerFields(headerLine));
}

/** Returns the dataset the header proves, or throws the refusal that explains why it is not one. */
export function checkHeader(headerLine: string, fileName: string, requested?: Dataset): Dataset {
  const fields = headerFields(headerLine);
  const found = datasetOf(fields);
  if (found && requested && found !== requested) {
    throw refuse(
      "CSV_WRONG_DATASET",
      fileName,
      `has the ${found} header (${DATASET_COLUMNS[found].length} columns${found === "series" ? ", with anoTermino" : ""}), but it is being ingested as ${requested}.`,
      `Ingest it as ${found} (--dataset ${found}), or leave the dataset out and let Lakebook detect it.`,
    );
  }
  if (found) return found;
  if (!headerLine.includes("|")) {
    for (const { char, name } of OTHER_DELIMITERS) {
      if (!headerLine.includes(char)) continue;
      const other = datasetOf(headerFields(headerLine, char));
      if (other) {
        throw refuse(
          "CSV_WRONG_DELIMITER",
          fileName,
          `is ${name}-delimited (its header splits on ${JSON.stringify(char)} into the ${other} columns); the challenge's files are delimited by "|".`,
          'Use the original file. A spreadsheet or script that re-saved it changed the delimiter; RAW must keep the source\'s bytes, and later stages read it with sep="|".',
        );
      }
    }
  }
  // anoTermino is the one column that tells the two apart.
  const target = requested ?? (fields.includes("anoTermino") ? "series" : "movies");
  throw refuse(
    "CSV_WRONG_HEADER",
    fileName,
    headerProblem(fields, target, headerLine),
    headerHint(fields, target),
  );
}

/** The first place the header departs from the expected columns, in words. */
function headerProblem(fields: readonly string[], dataset: Dataset, line: string): string {
  const expected = DATASET_COLUMNS[dataset];
  const prefix = `the header does not match the ${dataset} columns:`;
  if (!line.includes("|") && fields.length === 1) {
    return `${prefix} it has no "|" at all (first line: ${showValue(fields[0] ?? "", 80)}).`;
  }
  for (let i = 0; i < Math.max(fields.length, expected.length); i++) {
    const want = expected[i];
    const got = fields[i];
    if (want === got) continue;
    const counts = `(found ${fields.length} columns, expected ${expected.length})`;
    if (got === undefined) return `${prefix} column ${i + 1} "${want}" is missing ${counts}.`;
    if (want === undefined) return `${prefix} extra column ${i + 1} ${showValue(got)} ${counts}.`;
    if (fields.length < expected.length && got === expected[i + 1]) {
      return `${prefix} column ${i + 1} "${want}" is missing ${counts}.`;
    }
    if (fields.length > expected.length && fields[i + 1] === want) {
      return `${prefix} extra column ${i + 1} ${showValue(got)} before "${want}" ${counts}.`;
    }
    return `${prefix} column ${i + 1}: expected "${want}", found ${showValue(got)}.`;
  }
  return prefix;
}

function headerHint(fields: readonly string[], dataset: Dataset): string {
  if (fields.includes("tituloPrincipal")) {
    return "The challenge's files spell it \"tituloPincipal\" (sic). Keep the typo: RAW must hold the source's exact header, and the later stages read that name. Ingest the original file.";
  }
  const expected = DATASET_COLUMNS[dataset];
  if (fields.some((name, i) => name !== expected[i] && name.toLowerCase() === expected[i]?.toLowerCase())) {
    return "Column names are case-sensitive; ingest the original file with its exact header.";
  }
  return `Ingest the challenge's original ${dataset}.csv, unmodified (header: ${expected.slice(0, 3).join("|")}|…).`;
}
