import type { CourseRuleResult } from "../contract";
import { describeKey, type ObjectInfo, readAll } from "../lake";
import { tmdbCell } from "./cells";
import { type CourseLake, listAll } from "./lake-view";
import { failed, firstFew, say, verdict } from "./rule";

const MAX_RECORDS = 100;
/** 10 MB read as 10,000,000 bytes: the stricter reading, as the TMDB stage's writer uses. */
const MAX_BYTES = 10_000_000;
const IMDB_ID = /^tt\d+$/;

interface TmdbFile {
  info: ObjectInfo;
  /** The records found, even in a file of the wrong shape (so the other rules still see them). */
  records?: unknown[];
  /** Why the file is not the one structure Athena reads: one `{"kind", "records"}` object on one line. */
  problem?: string;
}

/**
 * Stage 2: TMDB JSON under `Raw/TMDB/JSON/YYYY/MM/DD/`, at most 100 records and under 10 MB a file,
 * one JSON structure a file, every record keyed by `imdb_id`, and only titles the cell selected.
 * The one structure is Lakebook's RAW TMDB layout (pipeline/stages/tmdb/README.md): one JSON object
 * on one line, `{"kind": "movies" | "series", "records": [...]}`, the row Athena's JSON SerDes read
 * as `raw.tmdb`; a top-level array is one structure too, but Athena cannot read it.
 */
export async function checkTmdb(lake: CourseLake): Promise<CourseRuleResult[]> {
  const cell = tmdbCell(lake.notebook);
  const cellId = cell?.cellId;
  const objects = await listAll(lake.store, "Raw/TMDB/");
  const files: TmdbFile[] = [];
  for (const info of objects) files.push(await readTmdbFile(lake, info));

  const misplaced = objects.filter((o) => describeKey(o.key)?.source !== "TMDB").map((o) => o.key);
  const placedTitle = "TMDB files are under Raw/TMDB/JSON/YYYY/MM/DD/<file>.json";
  const placed =
    objects.length === 0
      ? failed("tmdb.path", 2, placedTitle, [say("tmdb.path.empty")], say("tmdb.path.hint.empty"), cellId)
      : verdict(
          misplaced.length === 0,
          "tmdb.path",
          2,
          placedTitle,
          misplaced.length === 0 ? [say("tmdb.path.ok", { n: objects.length })] : firstFew(misplaced),
          say("tmdb.path.hint"),
          cellId,
        );

  const oversize = files.flatMap((f) => {
    const records = f.records?.length ?? 0;
    return records > MAX_RECORDS || f.info.size >= MAX_BYTES
      ? [say("tmdb.file.oversize", { key: f.info.key, records, bytes: f.info.size })]
      : [];
  });
  const largest = files.reduce((most, f) => Math.max(most, f.records?.length ?? 0), 0);
  const limits = verdict(
    oversize.length === 0 && files.length > 0,
    "tmdb.limits",
    2,
    "Each TMDB file holds at most 100 records and is under 10 MB",
    oversize.length > 0 ? firstFew(oversize) : [say("tmdb.limits.ok", { files: files.length, largest })],
    say("tmdb.limits.hint"),
    cellId,
  );

  const broken = files.flatMap((f) => (f.problem ? [`${f.info.key}: ${f.problem}`] : []));
  const single = verdict(
    broken.length === 0 && files.length > 0,
    "tmdb.one-structure",
    2,
    'Each TMDB file is one JSON structure: one {"kind", "records": [...]} object on one line',
    broken.length > 0 ? firstFew(broken) : [say("tmdb.one-structure.ok", { n: files.length })],
    say("tmdb.one-structure.hint"),
    cellId,
  );

  const records = files.flatMap((f) => f.records ?? []);
  const unkeyed = files.flatMap((f) =>
    (f.records ?? []).flatMap((record, i) =>
      imdbIdOf(record) ? [] : [`${f.info.key} record ${i + 1}: ${keysOf(record)}`],
    ),
  );
  const keyed = verdict(
    unkeyed.length === 0 && records.length > 0,
    "tmdb.imdb-id",
    2,
    "Every TMDB record carries the title's imdb_id (tt…), the key that joins it to the CSVs",
    unkeyed.length > 0 ? firstFew(unkeyed) : [say("tmdb.imdb-id.ok", { n: records.length })],
    say("tmdb.imdb-id.hint"),
    cellId,
  );
  return [placed, limits, single, keyed, await selectedRule(lake, records, cell)];
}

async function readTmdbFile(lake: CourseLake, info: ObjectInfo): Promise<TmdbFile> {
  if (!info.key.endsWith(".json")) return { info, problem: "not a .json file" };
  // A file past the limit is reported by its size; reading it whole is not needed to say so.
  if (info.size >= MAX_BYTES * 5) return { info, problem: "too large to read" };
  const text = (await readAll(await lake.store.get(info.key))).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const second = text.trim().split(/\r?\n/).length > 1 ? " (several JSON documents, one per line?)" : "";
    return { info, problem: `is not one JSON structure: ${(error as Error).message}${second}` };
  }
  if (Array.isArray(value)) {
    return {
      info,
      records: value,
      problem: 'is a top-level JSON array, which Athena cannot read: write {"kind": …, "records": [...]}',
    };
  }
  if (!value || typeof value !== "object")
    return { info, problem: "holds a JSON value that is not an object" };
  const { kind, records } = value as Record<string, unknown>;
  if (!Array.isArray(records)) {
    return { info, records: [value], problem: 'is one record, not a {"kind", "records": [...]} object' };
  }
  if (kind !== "movies" && kind !== "series") {
    return { info, records, problem: `has kind ${JSON.stringify(kind)}, not "movies" or "series"` };
  }
  if (text.trimEnd().includes("\n")) {
    return { info, records, problem: "spans several lines; Athena reads one JSON object a line (no indent)" };
  }
  return { info, records };
}

function imdbIdOf(record: unknown): string | undefined {
  const id = record && typeof record === "object" ? (record as Record<string, unknown>).imdb_id : undefined;
  return typeof id === "string" && IMDB_ID.test(id) ? id : undefined;
}

function keysOf(record: unknown): string {
  if (!record || typeof record !== "object") return "not a record";
  const keys = Object.keys(record);
  return `no imdb_id (keys: ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""})`;
}

/**
 * The records' imdb_ids against the cell's own selection, run again on the catalog's RAW tables.
 * A cell without `select:` enriches the TMDB stage's default selection, which the service hands
 * over (`CourseLake.defaultTmdbSelect`); the evidence says which of the two was compared.
 */
async function selectedRule(
  lake: CourseLake,
  records: unknown[],
  cell: { cellId: string; select: string | undefined } | undefined,
): Promise<CourseRuleResult> {
  const id = "tmdb.selected";
  const title = "The titles enriched are the ones the TMDB cell selected";
  const hint = say("tmdb.selected.hint");
  const enriched = new Set(records.flatMap((r) => imdbIdOf(r) ?? []));
  if (!cell) return failed(id, 2, title, [say("tmdb.selected.no-cell")], say("tmdb.selected.hint.add-cell"));
  const select = cell.select ?? lake.defaultTmdbSelect;
  if (!select) {
    return failed(
      id,
      2,
      title,
      [say("tmdb.selected.no-default")],
      say("tmdb.selected.hint.add-select"),
      cell.cellId,
    );
  }
  if (!lake.sql) {
    return failed(id, 2, title, [say("tmdb.selected.no-engine")], hint, cell.cellId);
  }
  const query = `SELECT DISTINCT CAST(id AS VARCHAR) AS id FROM (${select.replace(/;\s*$/, "")}) AS selected`;
  let selected: Set<string>;
  try {
    selected = new Set((await lake.sql(query)).map((row) => String(row.id)));
  } catch (error) {
    const failure = say("tmdb.selected.failed", { error: (error as Error).message });
    return failed(id, 2, title, [failure], hint, cell.cellId);
  }
  const strangers = [...enriched].filter((imdbId) => !selected.has(imdbId));
  const evidence = [
    say(cell.select ? "tmdb.selected.by-cell" : "tmdb.selected.by-default"),
    say("tmdb.selected.counts", {
      selected: selected.size,
      enriched: enriched.size,
      strangers: strangers.length,
    }),
    ...firstFew(strangers.map((s) => say("tmdb.selected.stranger", { id: s }))),
  ];
  return verdict(strangers.length === 0 && enriched.size > 0, id, 2, title, evidence, hint, cell.cellId);
}
