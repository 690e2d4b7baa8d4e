import path from "node:path";
import { attachCatalog, type Catalog, LocalCatalog } from "../../catalog";
import type { CatalogTable } from "../../contract";
import { formatDatePath, LocalFolderStore, type ProcessingDate, RAW_TMDB_ROOT } from "../../lake";
import type { StageContext } from "../stage";

/**
 * `raw.tmdb`: the RAW TMDB files as one table, as Athena reads them. Each file is one row
 * (`enrich/writer.ts`): `kind` ('movies' | 'series') and `records`, an array of structs holding
 * every field a TMDB cell can write, movie and TV spellings both (a key a file lacks is NULL);
 * partitioned by `dt`, the file's RAW date folders as written (`2026/01/05`).
 */
export const RAW_TMDB_TABLE = { database: "raw", name: "tmdb" } as const;

const ID_NAME = "struct<id:bigint,name:string>";

/** Every key `enrich/fields.ts` can write, with the type TMDB gives it (Glue/Hive spelling). */
export const TMDB_RECORD_FIELDS: readonly [string, string][] = [
  ["imdb_id", "string"],
  ["id", "bigint"],
  ["title", "string"],
  ["name", "string"],
  ["original_title", "string"],
  ["original_name", "string"],
  ["release_date", "string"],
  ["first_air_date", "string"],
  ["runtime", "int"],
  ["episode_run_time", "array<int>"],
  // 64-bit: revenues pass 2^31.
  ["budget", "bigint"],
  ["revenue", "bigint"],
  ["popularity", "double"],
  ["vote_average", "double"],
  ["vote_count", "bigint"],
  ["genres", `array<${ID_NAME}>`],
  ["belongs_to_collection", "struct<id:bigint,name:string,poster_path:string,backdrop_path:string>"],
  ["original_language", "string"],
  ["overview", "string"],
  ["status", "string"],
  ["tagline", "string"],
  ["production_companies", "array<struct<id:bigint,name:string,logo_path:string,origin_country:string>>"],
  ["production_countries", "array<struct<iso_3166_1:string,name:string>>"],
  ["spoken_languages", "array<struct<english_name:string,iso_639_1:string,name:string>>"],
  ["origin_country", "array<string>"],
  ["last_air_date", "string"],
  ["number_of_seasons", "int"],
  ["number_of_episodes", "int"],
  ["keywords", `array<${ID_NAME}>`],
  [
    "credits",
    "struct<cast:array<struct<id:bigint,name:string,gender:int,character:string,order:int>>," +
      "crew:array<struct<id:bigint,name:string,job:string,department:string>>>",
  ],
  ["certifications", "array<struct<country:string,certification:string,type:int,release_date:string>>"],
];

export const RECORDS_TYPE = `array<struct<${TMDB_RECORD_FIELDS.map(([n, t]) => `${n}:${t}`).join(",")}>>`;

/**
 * The table over `Raw/TMDB/JSON/`, its partitions from `first` (the earliest RAW date, kept across
 * runs so Athena's partition projection still covers older folders) on.
 */
export function rawTmdbTable(first: string, producedBy: { cell: string; notebook?: string }): CatalogTable {
  return {
    ...RAW_TMDB_TABLE,
    zone: "raw",
    location: `${RAW_TMDB_ROOT}/`,
    format: "json",
    columns: [
      { name: "kind", type: "string" },
      { name: "records", type: RECORDS_TYPE },
    ],
    partitionKeys: [{ name: "dt", type: "string" }],
    dateFolders: { column: "dt", first },
    rows: null,
    producedBy: { ...producedBy, inputs: [`${RAW_TMDB_ROOT}/`] },
    updatedAt: new Date().toISOString(),
  };
}

/** What a student runs on Athena (and the local lake runs on DuckDB, same meaning) to read the run. */
export function rawTmdbQuery(date: ProcessingDate): string {
  // No leading comment: the caption says "one row per file", and a `--` first line reads as an
  // option when pasted into `lakebook query`.
  return [
    "SELECT dt, kind, r.imdb_id, coalesce(r.title, r.name) AS title, r.vote_average, r.vote_count",
    "FROM raw.tmdb",
    "CROSS JOIN UNNEST(records) AS t(r)",
    `WHERE dt = '${formatDatePath(date)}'`,
    "ORDER BY r.imdb_id",
    "LIMIT 20",
  ].join("\n");
}

/**
 * Registers (or widens) `raw.tmdb` after a run wrote files on `date`: in the local catalog, then
 * attached so SQL cells read it; on an aws target, in Glue. A catalog that cannot be reached is a
 * warning: the files are in RAW either way. Returns the table's name when it was registered.
 */
export async function registerRawTmdbTable(
  context: Pick<StageContext, "catalog" | "engine" | "lakeRoot" | "store" | "notebookPath" | "log">,
  date: ProcessingDate,
  cellId: string,
): Promise<string | undefined> {
  const { catalog } = context;
  const local = isLocalLake(context);
  // An S3 lake with the local catalog has nothing to register into (the ingest stage does the same).
  if (!local && catalog instanceof LocalCatalog) return undefined;
  try {
    const first = earliest(await firstDate(catalog), formatDatePath(date));
    const producedBy = {
      cell: cellId,
      ...(context.notebookPath ? { notebook: path.basename(context.notebookPath) } : {}),
    };
    await catalog.put(rawTmdbTable(first, producedBy));
    if (local) await attachCatalog(context.engine, catalog, context.lakeRoot);
    return `${RAW_TMDB_TABLE.database}.${RAW_TMDB_TABLE.name}`;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
    context.log("warn", `raw.tmdb was not registered in the catalog: ${reason}`);
    return undefined;
  }
}

async function firstDate(catalog: Catalog): Promise<string | undefined> {
  const existing = await catalog.get(RAW_TMDB_TABLE.database, RAW_TMDB_TABLE.name);
  return existing?.dateFolders?.first;
}

/** `YYYY/MM/DD` strings compare as dates. */
function earliest(a: string | undefined, b: string): string {
  return a !== undefined && a < b ? a : b;
}

function isLocalLake(context: Pick<StageContext, "store" | "lakeRoot">): boolean {
  return (
    context.store instanceof LocalFolderStore &&
    path.resolve(context.store.root) === path.resolve(context.lakeRoot)
  );
}
