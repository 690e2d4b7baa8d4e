import type { Zone } from "../contract/catalog";
import { LakebookError } from "../contract/errors";
import { keyProblem } from "./keys";
import {
  DATASET_FOLDER,
  type Dataset,
  datasetOfFolder,
  dateFromFolders,
  dateFromIso,
  isTableName,
  LAKE_SOURCES,
  type LakeSource,
  TRUSTED_FORMAT_FOLDER,
  ZONE_FOLDER,
} from "./paths";
import { type ProcessingDate, parseProcessingDate } from "./processing-date";

/**
 * Reading keys back: what a key means (for the lake browser) and, when it breaks the conventions
 * in ./paths, a sentence saying how, in the words a student needs to fix it.
 */
export interface KeyDescription {
  zone: Zone;
  /** RAW and TRUSTED only: the course CSVs (`Local`) or the TMDB API. */
  source?: LakeSource;
  /** RAW CSVs only. */
  dataset?: Dataset;
  /** TRUSTED and REFINED: the table folder. */
  table?: string;
  /** RAW date folders, or a `dt=` partition. */
  date?: ProcessingDate;
  fileName: string;
}

const PARTITION = /^([^=]+)=(.*)$/;

export function describeKey(key: string): KeyDescription | undefined {
  if (keyProblem(key)) return undefined;
  const s = key.split("/");
  const fileName = s.at(-1) ?? "";
  if (s[0] === ZONE_FOLDER.raw && s[1] === "Local" && s[2] === "CSV" && s.length === 8) {
    const dataset = datasetOfFolder(s[3]);
    const date = dateFromFolders(s[4], s[5], s[6]);
    return dataset && date ? { zone: "raw", source: "Local", dataset, date, fileName } : undefined;
  }
  if (s[0] === ZONE_FOLDER.raw && s[1] === "TMDB" && s[2] === "JSON" && s.length === 7) {
    const date = dateFromFolders(s[3], s[4], s[5]);
    return date && fileName.endsWith(".json") ? { zone: "raw", source: "TMDB", date, fileName } : undefined;
  }
  if (s[0] === ZONE_FOLDER.trusted && s[2] === TRUSTED_FORMAT_FOLDER) {
    const source = LAKE_SOURCES.find((known) => known === s[1]);
    return source ? describeTable("trusted", s.slice(3), source) : undefined;
  }
  if (s[0] === ZONE_FOLDER.refined) return describeTable("refined", s.slice(1));
  return undefined;
}

/** `<table>/[column=value/…]<file>`: a `dt=` partition counts only as a padded, real date. */
function describeTable(zone: Zone, rest: string[], source?: LakeSource): KeyDescription | undefined {
  const [table, ...tail] = rest;
  const fileName = tail.at(-1);
  if (!table || !isTableName(table) || fileName === undefined) return undefined;
  let date: ProcessingDate | undefined;
  for (const folder of tail.slice(0, -1)) {
    const partition = PARTITION.exec(folder);
    if (!partition) return undefined;
    if (partition[1] === "dt") {
      date = dateFromIso(partition[2] ?? "");
      if (!date) return undefined;
    }
  }
  return { zone, ...(source ? { source } : {}), table, ...(date ? { date } : {}), fileName };
}

/**
 * A sentence for the common mistakes (wrong casing, unpadded or missing dates, a misplaced table
 * folder), or undefined when the key follows the conventions or is not meant to be a lake path.
 */
export function explainKeyProblem(key: string): string | undefined {
  const unsafe = keyProblem(key);
  if (unsafe) return `${JSON.stringify(key)} ${unsafe.problem}: ${unsafe.expected}`;
  if (describeKey(key)) return undefined;
  const s = key.split("/");
  return casingProblem(key, s) ?? layoutProblem(key, s);
}

function spelledAs(segment: string | undefined, options: readonly string[]): string | undefined {
  return options.find((option) => option.toLowerCase() === segment?.toLowerCase());
}

/** The fixed folder names at the start of `s`, spelled the way the lake spells them. */
function canonicalFolders(s: string[]): string[] {
  const zone = spelledAs(s[0], Object.values(ZONE_FOLDER));
  if (!zone) return [];
  if (zone === ZONE_FOLDER.refined) return [zone];
  const source = spelledAs(s[1], LAKE_SOURCES);
  if (!source) return [zone];
  const formats =
    zone === ZONE_FOLDER.trusted ? [TRUSTED_FORMAT_FOLDER] : source === "Local" ? ["CSV"] : ["JSON"];
  const format = spelledAs(s[2], formats);
  if (!format) return [zone, source];
  const dataset =
    zone === ZONE_FOLDER.raw && source === "Local" && spelledAs(s[3], Object.values(DATASET_FOLDER));
  return dataset ? [zone, source, format, dataset] : [zone, source, format];
}

function casingProblem(key: string, s: string[]): string | undefined {
  const canonical = canonicalFolders(s);
  const written = s.slice(0, canonical.length);
  if (canonical.every((folder, i) => folder === written[i])) return undefined;
  const fixed = [...canonical, ...s.slice(canonical.length)].join("/");
  return (
    `"${key}" spells "${written.join("/")}" where the lake uses "${canonical.join("/")}": ` +
    `S3 keys are case-sensitive, so Glue, Athena and the next stage will not find it. Use "${fixed}".`
  );
}

function layoutProblem(key: string, s: string[]): string | undefined {
  if (s[0] === ZONE_FOLDER.raw) {
    if (s[1] === "Local" && s[2] === "CSV") {
      if (!datasetOfFolder(s[3])) {
        return `"${key}" has no dataset folder: expected Raw/Local/CSV/Movies/YYYY/MM/DD/movies.csv or …/Series/….`;
      }
      return dateLayoutProblem(key, s, 4);
    }
    if (s[1] === "TMDB" && s[2] === "JSON") {
      const dated = dateLayoutProblem(key, s, 3);
      if (dated) return dated;
      return `"${key}" is not a .json file: the RAW TMDB folder holds one JSON document per .json file.`;
    }
    return `"${key}" is in RAW but not under Raw/Local/CSV/<Movies|Series>/ or Raw/TMDB/JSON/.`;
  }
  if (s[0] === ZONE_FOLDER.trusted) {
    if (s[2] !== TRUSTED_FORMAT_FOLDER) {
      return `"${key}" is in TRUSTED but not under Trusted/Local/Parquet/<table>/ or Trusted/TMDB/Parquet/<table>/.`;
    }
    return tableLayoutProblem(key, s.slice(3));
  }
  if (s[0] === ZONE_FOLDER.refined) return tableLayoutProblem(key, s.slice(1));
  return undefined;
}

const DIGITS = /^\d+$/;
const ONE_FOLDER_DATE = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/;

/** The `YYYY/MM/DD/<file>` tail of a RAW key, starting at segment `at`. */
function dateLayoutProblem(key: string, s: string[], at: number): string | undefined {
  const base = s.slice(0, at).join("/");
  const rest = s.slice(at);
  const file = rest.at(-1) ?? "<file>";
  const [year = "", month = "", day = ""] = rest;
  const allDigits = [year, month, day].every((part) => DIGITS.test(part));
  if (rest.length === 3 && allDigits) {
    return `"${key}" ends at the date folders: add the file name, e.g. ${key}/movies.csv.`;
  }
  const oneFolder = ONE_FOLDER_DATE.exec(year);
  if (oneFolder && rest.length >= 2) {
    const [, y = "", m = "", d = ""] = oneFolder;
    const fixed = `${y.padStart(4, "0")}/${m.padStart(2, "0")}/${d.padStart(2, "0")}`;
    return `"${key}" puts the date in one folder "${year}": RAW dates are three folders, ${base}/${fixed}/${file}.`;
  }
  if (rest.length < 4 || !allDigits) {
    return `"${key}" has no processing date: expected ${base}/YYYY/MM/DD/${file}, zero-padded (2026/01/05).`;
  }
  if (year.length !== 4) return `The year folder "${year}" in "${key}" must have four digits (YYYY).`;
  if (month.length > 2 || day.length > 2)
    return `"${year}/${month}/${day}" in "${key}" is not a date (YYYY/MM/DD).`;
  const fixed = `${year}/${month.padStart(2, "0")}/${day.padStart(2, "0")}`;
  if (month.length < 2 || day.length < 2) {
    return `The date folders ${year}/${month}/${day} in "${key}" are not zero-padded: expected ${fixed}.`;
  }
  if (!dateFromFolders(year, month, day)) return `${fixed} in "${key}" is not a real calendar date.`;
  if (rest.length > 4) return `"${key}" has extra folders after the date: expected ${base}/${fixed}/${file}.`;
  return undefined;
}

/** The `<table>/[dt=YYYY-MM-DD/]<file>` tail of a TRUSTED or REFINED key. */
function tableLayoutProblem(key: string, rest: string[]): string | undefined {
  const [table = ""] = rest;
  if (!isTableName(table)) {
    const lower = table.toLowerCase();
    const suggestion = isTableName(lower) ? ` ("${lower}")` : "";
    return `The table folder "${table}" in "${key}" is not lower snake case${suggestion}: Glue and Athena fold table names to lower case.`;
  }
  if (rest.length < 2) return `"${key}" names a table folder but no file inside it.`;
  for (const folder of rest.slice(1, -1)) {
    const partition = PARTITION.exec(folder);
    if (!partition)
      return `"${key}" has the folder "${folder}" inside a table: only partition folders like dt=2026-01-05 belong there.`;
    if (partition[1] !== "dt") continue;
    try {
      parseProcessingDate(partition[2] ?? "");
    } catch (error) {
      const reason = error instanceof LakebookError ? error.message : String(error);
      return `The partition "${folder}" in "${key}" is not valid. ${reason}`;
    }
  }
  return undefined;
}
