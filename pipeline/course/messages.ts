import { fillMessage, type Message, type MessageParams } from "../contract";

/**
 * Everything the rules say, in English, by code: the evidence's fixed words and the hints. The
 * rules send the English text (what `lakebook check` prints) and, beside it, the code and params,
 * which the workbench says in the UI's language (renderer/src/course/course-rule-messages.ts holds
 * the pt-BR table, and a test keeps both tables' codes the same). `{n#word|words}` is a count.
 */
export const COURSE_MESSAGES_EN = {
  more: "… and {n} more",
  "no-engine": "No query engine for this target: table contents were not read.",
  "readable.hint":
    "Re-run the cells that wrote these tables; a table whose files were moved or removed by hand cannot be read.",

  "raw.paths.empty": "Raw/ holds no objects.",
  "raw.paths.hint.empty": "Run the ingest cells.",
  "raw.paths.ok": "{n#object|objects} under Raw/, all well placed.",
  "raw.paths.hint":
    "S3 keys are case-sensitive and the date folders are zero-padded (2026/01/05, not 2026/1/5): " +
    "move the object to the path the message gives, or delete it and run the ingest cell again, " +
    "which builds the path itself.",
  "raw.object": "{key} ({bytes} bytes)",
  "raw.lookalike": "{key}: {problem}",
  "raw.lookalike.name": "{key}: a different file name",
  "raw.missing": "No object under Raw/ is {file}.",
  "raw.path.hint":
    "Upload {file} whole with the ingest cell: it writes Raw/Local/CSV/{folder}/<YYYY>/<MM>/<DD>/{file} " +
    "with the processing date zero-padded and the folders cased exactly as the challenge spells them.",
  "raw.identical.hint":
    "Upload the CSV whole and unmodified (no re-encoding, no header or separator change, no filtering): " +
    "the ingest cell streams the bytes as they are. Re-run it after replacing the RAW object.",
  "raw.identical.no-cell": "No ingest cell names a {dataset} file.",
  "raw.identical.no-object": "Nothing to compare: no {dataset} object in RAW.",
  "raw.identical.unreadable": "Nothing to compare: {file} cannot be read.",
  "raw.file": "{file}: {bytes} bytes",
  "raw.file.hash": "{file}: {bytes} bytes, SHA-256 {sha256}",

  "tmdb.path.empty": "Raw/TMDB/ holds no objects.",
  "tmdb.path.hint.empty": "Run the TMDB cell.",
  "tmdb.path.ok": "{n#file|files} under Raw/TMDB/JSON/, all dated.",
  "tmdb.path.hint":
    "Write TMDB files to Raw/TMDB/JSON/<YYYY>/<MM>/<DD>/<name>.json with a zero-padded collection date; " +
    "the TMDB cell does this itself.",
  "tmdb.file.oversize": "{key}: {records#record|records}, {bytes} bytes",
  "tmdb.limits.ok": "{files#file|files}; the largest holds {largest#record|records}.",
  "tmdb.limits.hint":
    "Split the records into files of at most 100 (and under 10 MB): one request batch per file, numbered " +
    "tmdb-movies-0001.json, -0002.json, …",
  "tmdb.one-structure.ok": "{n#file|files}, each one JSON object on one line holding its records.",
  "tmdb.one-structure.hint":
    'Write one json.dumps({"kind": "movies", "records": records}) and a newline per file, never indent: ' +
    "a second dump in the same file is two structures, and Athena's JSON SerDes read one object a line, " +
    "so neither a top-level array nor a pretty-printed object can be queried as raw.tmdb.",
  "tmdb.imdb-id.ok": "{n#record|records}, each with an imdb_id.",
  "tmdb.imdb-id.hint":
    "Look titles up by IMDb id (/find/{imdb_id}?external_source=imdb_id) and store the id in every record: " +
    "joining CSV and TMDB by title breaks on remakes, translations and punctuation; discover results carry no imdb_id.",
  "tmdb.selected.no-cell": "The notebook has no TMDB cell.",
  "tmdb.selected.hint.add-cell": "Add a TMDB cell.",
  "tmdb.selected.no-engine": "No query engine for this target: the selection could not be re-run.",
  "tmdb.selected.failed": "The selection failed: {error}",
  "tmdb.selected.by-cell": "Selection: the TMDB cell's select",
  "tmdb.selected.by-default":
    "Selection: the TMDB stage's default select (the cell has no select:), which picks the Horror and Mystery titles of raw.movies and raw.series",
  "tmdb.selected.no-default":
    "The TMDB cell has no select:, and the TMDB stage's default selection is not known here: the enriched titles have nothing to be compared with.",
  "tmdb.selected.hint.add-select":
    "Write the selection into the TMDB cell as select: (SQL returning the IMDb ids in a column id, e.g. " +
    "SELECT DISTINCT id, 'movie' AS kind FROM raw.movies WHERE …), so the titles enriched can be checked against it.",
  "tmdb.selected.counts":
    "{selected#title|titles} selected, {enriched#title|titles} enriched, {strangers} not selected",
  "tmdb.selected.stranger": "not selected: {id}",
  "tmdb.selected.hint":
    "Enrich exactly the titles the cell's select returns (IMDb ids from raw.movies / raw.series): records for other " +
    "titles come from an older run, a different query or a lookup by title. Reset stage 2 and run the TMDB cell again.",

  "trusted.not-parquet": "{table} is {format}, not parquet",
  "trusted.mixed": "{table} mixes the CSVs and TMDB ({inputs})",
  "trusted.misplaced": "{table} is at {location}, expected {expected}",
  "trusted.no-files": "{location} holds no files",
  "trusted.not-parquet-file": "{key} is not a Parquet file",
  "trusted.no-csv-table": "no TRUSTED table is made from raw.movies / raw.series",
  "trusted.no-tmdb-table": "no TRUSTED table is made from the RAW TMDB JSON",
  "trusted.parquet.ok": "{table}: {location} ({n#Parquet file|Parquet files})",
  "trusted.parquet.hint":
    "Write TRUSTED with df.write.parquet(...) (a transform cell's output), one table per source: the CSVs " +
    "to Trusted/Local/Parquet/<table>/ and TMDB to Trusted/TMDB/Parquet/<table>/; join them only in REFINED.",
  "trusted.no-dt": "{table} has no dt partition column",
  "trusted.undated": "{key} is not inside a dt=YYYY-MM-DD/ folder",
  "trusted.dt.ok": "{table}: dt = {dates}",
  "trusted.tmdb-dt.hint":
    "Partition the TMDB tables by the date the data was collected: take it from the RAW YYYY/MM/DD folders " +
    "(a transform input's dateColumn: dt) and write with partitionBy('dt') (the cell's partitionBy: [dt]).",
  "trusted.number-as-text": "{table}.{column} is {type} but all {n#value|values} are numbers",
  "trusted.null-text": "{table}.{column}: {n#row|rows} hold the text \\N",
  "trusted.zero-money": "{table}.{column}: {n#row|rows} equal 0",
  "trusted.scanned": "Scanned {n#TRUSTED/REFINED table|TRUSTED/REFINED tables}: {tables}",
  "trusted.numbers-typed.hint":
    "Spark reads every CSV column as a string (no inferSchema): CAST each numeric column in the transform " +
    "(CAST(anoLancamento AS INT), CAST(notaMedia AS DOUBLE), CAST(numeroVotos AS BIGINT), …).",
  "trusted.null-marker.hint":
    "The CSVs write NULL as the literal \\N: read them with nullValue='\\N' (the catalog's raw tables do), or " +
    "turn it into NULL with nullif(column, '\\N') before casting.",
  "trusted.budget-unknown.hint":
    "TMDB reports an unknown budget or revenue as 0: write CAST(nullif(budget, 0) AS BIGINT) so averages and " +
    "sums are not dragged down by titles whose budget nobody knows.",

  "refined.facts": "facts: {tables}",
  "refined.facts.none": "facts: none",
  "refined.dimensions": "dimensions: {tables}",
  "refined.dimensions.none": "dimensions: none",
  "refined.bridges": "bridges: {tables}",
  "refined.bridges.none": "bridges: none",
  "refined.no-role": "{table} has no role",
  "refined.model.hint":
    "Model REFINED as a star: a fact table of measures (one row per title) and dimension tables (title, date, " +
    "subgenre, person), each transform cell declaring -- role: fact | dimension | bridge.",
  "refined.undeclared": "{table}: no {missing}",
  "refined.declared": "{table}: {role}, key ({key})",
  "refined.declared.fk": "{table}: {role}, key ({key}), {fks#foreign key|foreign keys}",
  "refined.keys-declared.hint":
    "Declare them in the transform cell's header (-- role:, -- primaryKey: [...], -- foreignKeys: [...]) so " +
    "the catalog (and Glue) records how the model joins.",
  "refined.key-counts":
    "{table} ({key}): {rows#row|rows}, {dupes#duplicated key|duplicated keys}, {nulls#NULL key|NULL keys}",
  "refined.primary-keys.hint":
    "A duplicated key usually means a title repeats once per credited artist or per genre: SELECT DISTINCT the " +
    "title columns (or GROUP BY the key) before writing the table, and keep people and genres in bridge tables.",
  "refined.parent-missing": "{link}: {parent} is not in the catalog",
  "refined.orphans": "{link}: {n#orphan row|orphan rows}",
  "refined.no-foreign-keys": "No foreign keys are declared.",
  "refined.foreign-keys.hint":
    "An orphan key means the dimension was built from fewer titles than the fact (a different filter, or a join " +
    "by title instead of imdb_id): build the dimension from the same titles and join on imdb_id, then run the " +
    "dimension before the fact.",
  "refined.fact-rows": "{table}: {rows#row|rows} for {titles#distinct title|distinct titles} ({key})",
  "refined.measure-totals": "{measure}: {through} through the fact, {distinct} over distinct titles",
  "refined.multiplied":
    "{fact}.{measure} = {source}.{column} × rows per title for {n#title|titles} of {multi} with several artists",
  "refined.no-fact": "No fact table.",
  "refined.per-title.hint":
    "The CSVs have one row per credited artist, so a title repeats: take DISTINCT imdb_id with its rating and votes " +
    "before joining or aggregating (SUM over the raw rows multiplies votes by the cast size).",
  "refined.no-weight":
    "{bridge} has no weight column: a measure summed through it counts a title once per genre",
  "refined.no-weight-no-key":
    "{bridge} has no weight column and no key to the title: a measure summed through it counts a title once per genre",
  "refined.weights": "{bridge}: {weight} sums to 1 for {ok#title|titles}, not for {off}",
  "refined.bridge-totals": "{measure}: {through} through {bridge}, {titles} over its distinct titles",
  "refined.no-genre-bridge": "No bridge to a genre dimension: nothing fans out.",
  "refined.genre-fan-out.hint":
    "A title has several genres: joining the fact to a genre bridge repeats its measures once per genre. Give the " +
    "bridge a weight (1.0 / count(*) OVER (PARTITION BY title_key)) and sum measure × weight, or count distinct titles.",

  "dashboard.types.cells": "{n#chart|charts} in the chart cells (the HTML export): {types}",
  "dashboard.types.cells.none": "{n#chart|charts} in the chart cells (the HTML export): no chart types",
  "dashboard.types.published": "{n#chart|charts} in the publish cell {cell}'s charts: {types}",
  "dashboard.types.published.none": "{n#chart|charts} in the publish cell {cell}'s charts: no chart types",
  "dashboard.chart-types.hint":
    "Use at least three kinds of chart (e.g. bar, heat map, line or area, scatter, KPI): add chart cells with different marks.",
  "dashboard.chart-types.hint.published":
    "Use at least three kinds of chart (e.g. bar, heat map, line or area, scatter, KPI): add chart cells with " +
    "different marks and list them in the publish cell's charts.",
  "dashboard.reads-nothing": "{cell} reads no catalog table",
  "dashboard.reads-other": "{cell} reads {tables}",
  "dashboard.reads": "{cell}: {tables}",
  "dashboard.refined-only.hint":
    "QuickSight datasets come from REFINED tables only: point the chart's SQL cell (source=) at refined.* " +
    "tables, not at raw.* or trusted.*, and build what it needs into the model.",
  "dashboard.no-measure": "{cell} encodes no measure (no quantitative field or aggregate)",
  "dashboard.by-genre": "by (sub)genre: {cells}",
  "dashboard.no-genre": "no chart encodes a genre or subgenre field next to a measure",
  "dashboard.answers-question.hint":
    "The notebook asks which horror subgenres audiences prefer: chart an audience measure (rating, votes, " +
    "popularity, revenue) by subgenre from the model's subgenre dimension, and give every chart a quantitative field.",

  "credentials.clean":
    "Scanned {files#project file|project files} and {objects#lake object|lake objects}: no AWS keys, TMDB tokens or private keys.",
  "credentials.hint":
    "Remove the credential from the file and revoke it (AWS IAM → Security credentials; TMDB → Settings → API), " +
    "since anything committed or uploaded must be treated as leaked. Keep credentials in environment variables, " +
    "an AWS profile (named with profile: in the target) or the OS keychain.",

  "cost.athena":
    "This check ran {n#Athena query|Athena queries}. Athena bills every query for at least 10 MB scanned, " +
    "so a check costs at least {n} × 10 MB of scanning; the workbench runs it on an aws target only when you press Check now.",
  "cost.duckdb": "This check ran {n#query|queries} on the local DuckDB engine, at no cost.",
} as const;

export type CourseMessageCode = keyof typeof COURSE_MESSAGES_EN;

/** Words said by code: the English text, and the code and params the UI translates. */
export interface Said {
  text: string;
  message?: Message;
}

export function say(code: CourseMessageCode, params?: MessageParams): Said {
  return {
    text: fillMessage(COURSE_MESSAGES_EN[code], params),
    message: params ? { code, params } : { code },
  };
}

/** Words that are data or come from elsewhere (an engine's hint): shown as they are, in English. */
export function asIs(text: string): Said {
  return { text };
}
