import path from "node:path";
import { type ProcessingDate, rawTmdbKey } from "../../lake";
import { FILE_LIMITS, type TitleKind, tmdbFileName } from "./enrich";
import { py, pythonKeep } from "./python-fields";
import type { TmdbSettings } from "./settings";

/**
 * What the TMDB cell shows students: the same enrichment written with requests and boto3, for the
 * cell's settings. Text only; nothing here runs. One request at a time, so the pacing is a sleep
 * where the cell has a token bucket and a worker pool.
 */
export interface TmdbPythonInput {
  settings: Pick<
    TmdbSettings,
    "select" | "sample" | "fields" | "requestsPerSecond" | "concurrency" | "name" | "discover"
  >;
  date: ProcessingDate;
  /** The bucket, or undefined on the local lake (a placeholder is shown). */
  bucket: string | undefined;
  /** The lake's prefix inside the bucket ("" or ending in `/`). */
  prefix: string;
  /** A few of the selected titles to loop over; the script cannot run the cell's SQL. */
  titles: { imdbId: string; kind?: TitleKind }[];
  /** How many titles the select returned. */
  selected: number;
}

export const PLACEHOLDER_BUCKET = "your-data-lake-bucket";
/** When the run found nothing to show: Hereditary, a title TMDB knows. */
const EXAMPLE_TITLE = { imdbId: "tt7784604", kind: "movie" as const };

export function tmdbPythonScript(input: TmdbPythonInput): string {
  const { settings } = input;
  // The folder as the writer builds it, so the script's keys are the cell's keys.
  const folder = path.posix.dirname(rawTmdbKey(input.date, tmdbFileName(settings.name, "movie", 1)));
  const bucketLine = input.bucket
    ? `BUCKET = ${py(input.bucket)}`
    : `BUCKET = ${py(PLACEHOLDER_BUCKET)}  # placeholder: this run used the local lake folder instead of S3`;
  return [
    "# The same TMDB enrichment with requests and boto3 (read-only: Lakebook already did this for you).",
    "# The TMDB credential comes from the environment, never from code:",
    "#   export TMDB_READ_ACCESS_TOKEN=...  (themoviedb.org → Settings → API → API Read Access Token)",
    "# AWS credentials come from the default chain (environment, ~/.aws profiles, SSO).",
    "import json",
    "import os",
    "import time",
    "",
    "import boto3",
    "import requests",
    "",
    'API = "https://api.themoviedb.org/3"',
    `REQUESTS_PER_SECOND = ${settings.requestsPerSecond}  # one request at a time here; the cell runs ${settings.concurrency} at once`,
    bucketLine,
    `FOLDER = ${py(`${input.prefix}${folder}/`)}`,
    `NAME = ${py(settings.name)}`,
    'KIND_WORD = {"movie": "movies", "tv": "series"}',
    `RECORDS_PER_FILE = ${FILE_LIMITS.maxRecords}`,
    // Kept in step with enrich/run.ts by hand: the appended parts the fields read from.
    'APPEND = {"movie": "credits,keywords,release_dates", "tv": "credits,keywords,external_ids,content_ratings"}',
    "",
    ...titlesBlock(input),
    "",
    "session = requests.Session()",
    'session.headers["Authorization"] = "Bearer " + os.environ["TMDB_READ_ACCESS_TOKEN"]',
    'session.headers["Accept"] = "application/json"',
    's3 = boto3.client("s3")',
    "",
    "",
    ...GET,
    "",
    "",
    ...pythonKeep(settings.fields),
    "",
    "",
    ...WRITE,
    "",
    "",
    ...mainLoop(settings.discover !== undefined),
    ...(settings.discover ? ["", ...discoverBlock(settings.discover)] : []),
    "",
    "for kind in batches:",
    "    if batches[kind]:",
    "        write(kind)",
    'print(len(not_found), "not found:", not_found)',
    'print(len(failed), "failed:", failed)',
    "",
  ].join("\n");
}

function titlesBlock(input: TmdbPythonInput): string[] {
  const titles = input.titles.length > 0 ? input.titles : [EXAMPLE_TITLE];
  const shown = input.titles.length > 0 ? "a few of them" : "an example";
  return [
    `# The cell chose ${input.selected} ${input.selected === 1 ? "title" : "titles"} with this SQL over RAW (DuckDB):`,
    ...input.settings.select
      .trimEnd()
      .split("\n")
      .map((line) => `#   ${line}`),
    `# Here ${shown}: (IMDb id, "movie" or "tv"); put the ids you want in this list.`,
    "TITLES = [",
    ...titles.map((title) => `    (${py(title.imdbId)}, ${py(title.kind ?? "movie")}),`),
    "]",
    ...(input.settings.sample === undefined ? [] : sampleBlock(input.settings.sample)),
  ];
}

/** `sample: N` as the cell picks it (`run-plan.ts` `sampleSelection`): the same titles in Python. */
function sampleBlock(size: number): string[] {
  return [
    `# The cell asked TMDB about a fixed sample of ${size} of its titles (sample: ${size}): those whose IMDb`,
    "# ids hash lowest, in their order, the same on every run. With every selected id in TITLES, this",
    "# picks the very titles the cell fetched.",
    `SAMPLE = ${size}`,
    "",
    "",
    "def fnv1a(text):",
    '    """32-bit FNV-1a of an IMDb id: the hash the cell ranks titles by."""',
    "    value = 0x811C9DC5",
    "    for char in text:",
    "        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF",
    "    return value",
    "",
    "",
    "def sample(titles, size):",
    '    """The `size` titles with the lowest hashes (ties by position), kept in the list\'s order."""',
    "    ranked = sorted(range(len(titles)), key=lambda i: (fnv1a(titles[i][0]), i))[:size]",
    "    return [titles[i] for i in sorted(ranked)]",
    "",
    "",
    "TITLES = sample(TITLES, SAMPLE)",
  ];
}

const GET = [
  "def get(path, params):",
  '    """One TMDB request, paced to the rate limit; 429 waits what Retry-After says, 5xx backs off."""',
  "    for attempt in range(1, 6):",
  "        time.sleep(1 / REQUESTS_PER_SECOND)",
  "        response = session.get(API + path, params=params, timeout=30)",
  "        if (response.status_code == 429 or response.status_code >= 500) and attempt < 5:",
  '            retry_after = response.headers.get("Retry-After", "")',
  "            time.sleep(int(retry_after) if retry_after.isdigit() else 2**attempt)",
  "            continue",
  "        if response.status_code == 404:",
  "            return None",
  "        response.raise_for_status()  # 401 (a wrong token) and repeated failures stop here",
  "        return response.json()",
];

const WRITE = [
  'batches = {"movie": [], "tv": []}',
  'numbers = {"movie": 0, "tv": 0}',
  "",
  "",
  "def write(kind):",
  '    """One file of at most 100 records sorted by imdb_id, movies and series apart: ONE JSON object on',
  '    ONE line, {"kind": ..., "records": [...]}: Athena\'s JSON SerDe reads it as one row."""',
  '    records = sorted(batches[kind], key=lambda record: record["imdb_id"] or "")',
  "    batches[kind] = []",
  "    numbers[kind] += 1",
  '    key = f"{FOLDER}{NAME}-{KIND_WORD[kind]}-{numbers[kind]:04d}.json"',
  '    envelope = {"kind": KIND_WORD[kind], "records": records}',
  '    body = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")) + "\\n"',
  '    s3.put_object(Bucket=BUCKET, Key=key, Body=body.encode("utf-8"), ContentType="application/json")',
  '    print(f"s3://{BUCKET}/{key}", len(records), "records")',
  "",
  "",
  "def add(kind, record):",
  "    batches[kind].append(record)",
  "    if len(batches[kind]) == RECORDS_PER_FILE:",
  "        write(kind)",
];

function mainLoop(discover: boolean): string[] {
  return [
    "not_found, failed = [], []",
    ...(discover ? ["enriched = set()  # TMDB ids of the movies written, so discover skips them"] : []),
    "for imdb_id, kind in TITLES:",
    "    try:",
    '        found = get(f"/find/{imdb_id}", {"external_source": "imdb_id"}) or {}',
    "        # The declared kind's list first, then the other: a TV movie among the movies is still found.",
    '        order = ["tv", "movie"] if kind == "tv" else ["movie", "tv"]',
    '        match = next(((k, found[f"{k}_results"][0]["id"]) for k in order if found.get(f"{k}_results")), None)',
    "        if match is None:",
    "            not_found.append(imdb_id)",
    "            continue",
    "        kind, tmdb_id = match",
    '        detail = get(f"/{kind}/{tmdb_id}", {"append_to_response": APPEND[kind]})',
    "    except requests.HTTPError as error:",
    "        if error.response.status_code == 401:",
    "            raise",
    "        failed.append((imdb_id, str(error)))",
    "        continue",
    "    if detail is None:",
    "        not_found.append(imdb_id)",
    "        continue",
    ...(discover ? ['    if kind == "movie":', "        enriched.add(tmdb_id)"] : []),
    '    add(kind, keep(kind, imdb_id, {"id": tmdb_id, **detail}))',
  ];
}

function discoverBlock(discover: NonNullable<TmdbSettings["discover"]>): string[] {
  const filters = Object.entries(discover.filters).map(([key, value]) => `${py(key)}: ${py(value)}`);
  return [
    "# Discover mode: /discover/movie with the cell's filters, then the movies not written above.",
    `DISCOVER = {${filters.join(", ")}}`,
    `for page in range(1, ${Math.min(discover.maxPages, 500)} + 1):  # TMDB serves at most 500 pages`,
    '    answer = get("/discover/movie", {**DISCOVER, "page": page}) or {}',
    '    for result in answer.get("results", []):',
    '        if result["id"] in enriched:',
    "            continue",
    '        enriched.add(result["id"])',
    '        detail = get(f"/movie/{result[\'id\']}", {"append_to_response": APPEND["movie"]})',
    "        if detail is None:",
    "            continue",
    "        # TMDB may know no IMDb id: kept as null, so this record will not join the CSVs.",
    '        imdb_id = (detail.get("imdb_id") or "").strip() or None',
    '        add("movie", keep("movie", imdb_id, {**detail, "id": result["id"]}))',
    '    if page >= answer.get("total_pages", 0):',
    "        break",
  ];
}
