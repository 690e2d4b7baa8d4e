import { z } from "zod";
import { LakebookError } from "../../contract";
import type { Cell } from "../../document";
import { type Dataset, type ProcessingDate, parseProcessingDate } from "../../lake";
import { readCellSettings } from "../cell-settings";

/**
 * The ingest cell's YAML body:
 *
 *     dataset: movies          # optional: detected from the header
 *     file: data/movies.csv    # or files: [data/a.csv, data/b.csv]; relative to the notebook's folder
 *     date: 2026-11-25         # optional processing date; default today (UTC)
 *     profile: true            # optional: profile every column with DuckDB (auto: files up to 32 MB)
 */
export interface IngestSettings {
  dataset?: Dataset;
  files: string[];
  date?: ProcessingDate;
  /** Profile the columns: always, never, or `auto`, the default (when the cell's files add up to PROFILE_AUTO_BYTES at most). */
  profile?: boolean | "auto";
}

/**
 * Above this, the column profile (a DuckDB scan of the whole file) is asked for with `profile: true`
 * rather than run by default: at the challenge's full size it would double the cell's time.
 */
export const PROFILE_AUTO_BYTES = 32 * 1024 * 1024;

const EXAMPLE = "dataset: movies\nfile: data/movies.csv";
const path = z.string().trim().min(1, "is empty");

const SettingsSchema = z.strictObject({
  dataset: z.enum(["movies", "series"]).optional(),
  file: path.optional(),
  files: z.array(path).min(1, "lists no files").optional(),
  date: z.string().optional(),
  profile: z.union([z.boolean(), z.literal("auto")]).optional(),
});

/** Reads and checks the cell's settings; every problem names the field and what was expected. */
export function parseIngestSettings(cell: Pick<Cell, "id" | "source">): IngestSettings {
  const problem = (message: string, hint = `Write the cell's settings as YAML, e.g.\n${EXAMPLE}`) =>
    new LakebookError("INGEST_SETTINGS_INVALID", `Ingest cell "${cell.id}": ${message}`, { hint });

  const { dataset, file, files, date, profile } = readCellSettings(
    cell.source,
    SettingsSchema,
    problem,
    describeIssue,
  );
  if (file !== undefined && files !== undefined) {
    throw problem('give either "file" or "files", not both.');
  }
  const list = files ?? (file !== undefined ? [file] : undefined);
  if (!list) throw problem('"file" is missing: name the CSV file to ingest.');
  let processingDate: ProcessingDate | undefined;
  if (date !== undefined) {
    try {
      processingDate = parseProcessingDate(date);
    } catch (error) {
      throw problem(
        `"date": ${(error as Error).message}`,
        "Write the processing date as YYYY-MM-DD, e.g. date: 2026-01-05, or leave it out for today (UTC).",
      );
    }
  }
  return {
    ...(dataset ? { dataset } : {}),
    files: list,
    ...(processingDate ? { date: processingDate } : {}),
    ...(profile !== undefined ? { profile } : {}),
  };
}

/**
 * What the cell writes, read from its settings without running it: `raw.<dataset>`. Without a
 * `dataset`, the file name decides (movies*.csv / series*.csv), as the header will at run time.
 */
export function ingestDependencies(cell: Pick<Cell, "id" | "source">): { reads: string[]; writes: string[] } {
  let settings: IngestSettings;
  try {
    settings = parseIngestSettings(cell);
  } catch {
    return { reads: [], writes: [] };
  }
  const datasets = new Set<Dataset>();
  for (const file of settings.files) {
    const dataset = settings.dataset ?? datasetFromName(file);
    if (dataset) datasets.add(dataset);
  }
  return { reads: [], writes: [...datasets].sort().map((dataset) => `raw.${dataset}`) };
}

function datasetFromName(file: string): Dataset | undefined {
  const name = file.split(/[\\/]/).at(-1)?.toLowerCase() ?? "";
  if (name.startsWith("movies")) return "movies";
  if (name.startsWith("series")) return "series";
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, shown: string): string {
  const name = `"${String(issue.path[0] ?? "")}"`;
  switch (issue.path[0]) {
    case "dataset":
      return `${name} must be movies or series${shown}.`;
    case "file":
      return `${name} must be a path to a CSV file, e.g. data/movies.csv${shown}.`;
    case "files":
      if (issue.path.length > 1) {
        return `"files" item ${Number(issue.path[1]) + 1} must be a path to a CSV file${shown}.`;
      }
      if (issue.code === "too_small") return '"files" lists no files: name at least one CSV file.';
      return `${name} must be a list of paths, e.g. [data/movies.csv]${shown}.`;
    case "date":
      return `${name} must be a date written YYYY-MM-DD, e.g. 2026-01-05${shown}.`;
    case "profile":
      return `${name} must be true, false or auto${shown}.`;
    default:
      return `${name}: ${issue.message}.`;
  }
}
