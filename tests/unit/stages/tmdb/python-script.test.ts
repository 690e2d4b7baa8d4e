import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawTmdbKey } from "../../../../pipeline/lake";
import {
  DEFAULT_FIELDS,
  FIELD_NAMES,
  pickFields,
  splitIntoFiles,
  type TmdbField,
  tmdbFileName,
} from "../../../../pipeline/stages/tmdb/enrich";
import { type TmdbPythonInput, tmdbPythonScript } from "../../../../pipeline/stages/tmdb/python-script";
import { sampleSelection } from "../../../../pipeline/stages/tmdb/run-plan";
import { DEFAULT_SELECT } from "../../../../pipeline/stages/tmdb/settings";

const HARNESS = fileURLToPath(new URL("./run_with_fakes.py", import.meta.url));
const DATE = { year: 2026, month: 1, day: 5 };

function input(extra: Partial<TmdbPythonInput> = {}): TmdbPythonInput {
  return {
    settings: {
      select: DEFAULT_SELECT,
      fields: [...DEFAULT_FIELDS],
      requestsPerSecond: 40,
      concurrency: 8,
      name: "tmdb",
    },
    date: DATE,
    bucket: undefined,
    prefix: "",
    titles: [
      { imdbId: "tt7784604", kind: "movie" },
      { imdbId: "tt4574334", kind: "tv" },
    ],
    selected: 384,
    ...extra,
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-tmdb-python-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function compiles(script: string, name: string): Promise<void> {
  const file = path.join(dir, `${name}.py`);
  await writeFile(file, script);
  // Throws with Python's message when the text is not valid Python.
  execFileSync("python3", ["-m", "py_compile", file], { stdio: "pipe" });
}

describe("the Python script shown for the TMDB cell", () => {
  it("is valid Python for the default settings, for every field, and in discover mode", async () => {
    await compiles(tmdbPythonScript(input()), "default");
    await compiles(
      tmdbPythonScript(input({ settings: { ...input().settings, fields: [...FIELD_NAMES] } })),
      "all",
    );
    await compiles(
      tmdbPythonScript(
        input({
          settings: {
            ...input().settings,
            fields: ["budget"],
            discover: {
              filters: { with_genres: "27", "primary_release_date.gte": "2000-01-01" },
              maxPages: 5,
            },
          },
        }),
      ),
      "discover",
    );
    await compiles(tmdbPythonScript(input({ titles: [], selected: 0 })), "empty");
  });

  it("reads the token from the environment, paces requests, honours Retry-After and writes with put_object", () => {
    const script = tmdbPythonScript(input());
    expect(script).toContain(
      'session.headers["Authorization"] = "Bearer " + os.environ["TMDB_READ_ACCESS_TOKEN"]',
    );
    expect(script).toContain(
      "REQUESTS_PER_SECOND = 40  # one request at a time here; the cell runs 8 at once",
    );
    expect(script).toContain("time.sleep(1 / REQUESTS_PER_SECOND)");
    expect(script).toContain('response.headers.get("Retry-After", "")');
    expect(script).toContain('get(f"/find/{imdb_id}", {"external_source": "imdb_id"})');
    expect(script).toContain('get(f"/{kind}/{tmdb_id}", {"append_to_response": APPEND[kind]})');
    expect(script).toContain("s3.put_object(Bucket=BUCKET, Key=key,");
    expect(script).toContain('FOLDER = "Raw/TMDB/JSON/2026/01/05/"');
    expect(script).toContain('BUCKET = "your-data-lake-bucket"  # placeholder');
    expect(script).toContain(
      "# The cell chose 384 titles with this SQL over RAW (DuckDB):\n#   SELECT DISTINCT id",
    );
    expect(script).toContain('    ("tt7784604", "movie"),\n    ("tt4574334", "tv"),\n]');
    expect(script).not.toMatch(/api_key|test-token|aws_secret_access_key/);
  });

  it("names the bucket and prefix of an S3 lake, and an example title when the run had none", () => {
    const script = tmdbPythonScript(
      input({ bucket: "horror-lake", prefix: "course/", titles: [], selected: 0 }),
    );
    expect(script).toContain('BUCKET = "horror-lake"\n');
    expect(script).toContain('FOLDER = "course/Raw/TMDB/JSON/2026/01/05/"');
    expect(script).toContain("# The cell chose 0 titles");
    expect(script).toContain('# Here an example: (IMDb id, "movie" or "tv")');
    expect(script).toContain('("tt7784604", "movie"),');
  });

  it("with sample: N, picks in Python the very titles the cell's sample fetched", async () => {
    const titles = Array.from({ length: 1_000 }, (_, i) => ({
      imdbId: `tt${String(3_000_000 + i * 7)}`,
      kind: i % 3 === 0 ? ("tv" as const) : ("movie" as const),
    }));
    const script = tmdbPythonScript(input({ titles, settings: { ...input().settings, sample: 37 } }));
    await compiles(script, "sample");
    expect(script).toContain("SAMPLE = 37\n");
    // The titles list and the sample block, run on their own: what TITLES holds before the loop.
    const block = script.slice(
      script.indexOf("TITLES = ["),
      script.indexOf("TITLES = sample(TITLES, SAMPLE)"),
    );
    const picked = execFileSync(
      "python3",
      ["-c", `${block}TITLES = sample(TITLES, SAMPLE)\nimport json\nprint(json.dumps(TITLES))`],
      { encoding: "utf8" },
    );
    const expected = sampleSelection({ titles, skipped: [] }, 37).titles.map((t) => [t.imdbId, t.kind]);
    expect(JSON.parse(picked)).toEqual(expected);
    expect(tmdbPythonScript(input())).not.toContain("SAMPLE");
  });

  it("keeps only the chosen fields, and discovers only in discover mode", () => {
    const few = tmdbPythonScript(input({ settings: { ...input().settings, fields: ["budget", "title"] } }));
    expect(few).toContain(
      '    if movie:\n        copy(record, detail, "budget")\n    copy(record, detail, "title" if movie else "name")',
    );
    expect(few).not.toContain("def credits_of");
    expect(few).not.toContain("/discover/movie");
    const discover = tmdbPythonScript(
      input({
        settings: { ...input().settings, discover: { filters: { with_genres: "27" }, maxPages: 3 } },
      }),
    );
    expect(discover).toContain('DISCOVER = {"with_genres": "27"}');
    expect(discover).toContain("for page in range(1, 3 + 1):");
  });
});

describe("the Python script, run against fake TMDB and S3", () => {
  const cast = Array.from({ length: 14 }, (_, i) => ({
    id: 100 + i,
    name: `Actor ${i}`,
    gender: i % 3,
    character: `Papel ${i} ação`,
    order: 13 - i,
  }));
  const movieDetail = (i: number) => ({
    id: 1000 + i,
    imdb_id: movieId(i),
    title: `Movie ${i}`,
    original_title: `Filme ${i}`,
    release_date: "2018-06-07",
    runtime: 127,
    budget: 10000000,
    revenue: 82800000,
    popularity: 40.1,
    vote_average: 7.3,
    vote_count: 7000,
    genres: [{ id: 27, name: "Horror" }],
    belongs_to_collection: null,
    credits: {
      cast,
      crew: [
        { id: 1, name: "Ari Aster", job: "Director", department: "Directing" },
        { id: 3, name: "Someone", job: "Editor", department: "Editing" },
      ],
    },
    keywords: { keywords: [{ id: 1, name: "grief" }] },
    release_dates: {
      results: [
        { iso_3166_1: "US", release_dates: [{ certification: "R", type: 3, release_date: "2018-06-08" }] },
        { iso_3166_1: "BR", release_dates: [{ certification: "", type: 3, release_date: "2018-06-21" }] },
      ],
    },
  });
  const tvDetail = {
    id: 66732,
    name: "Stranger Things",
    original_name: "Stranger Things",
    first_air_date: "2016-07-15",
    episode_run_time: [50],
    popularity: 300.5,
    vote_average: 8.6,
    vote_count: 17000,
    genres: [{ id: 9648, name: "Mystery" }],
    number_of_seasons: 4,
    credits: { cast: cast.slice(0, 2), crew: [] },
    keywords: { results: [{ id: 2, name: "small town" }] },
    content_ratings: {
      results: [
        { iso_3166_1: "US", rating: "TV-14" },
        { iso_3166_1: "DE", rating: "" },
      ],
    },
  };
  const movieId = (i: number) => `tt1${String(i).padStart(6, "0")}`;
  const movies = Array.from({ length: 101 }, (_, i) => i);
  const fields: TmdbField[] = [...FIELD_NAMES];

  it("writes the same files, byte for byte, that the cell's writer writes", async () => {
    const routes: Record<string, unknown[]> = {};
    const answer = (body: unknown, status = 200, headers = {}) => ({ status, body, headers });
    for (const i of movies) {
      routes[`/find/${movieId(i)}`] = [answer({ movie_results: [{ id: 1000 + i }], tv_results: [] })];
      routes[`/movie/${1000 + i}`] = [answer(movieDetail(i))];
    }
    // The first movie is rate limited once: the script waits the 7 s TMDB asks for, then goes on.
    routes[`/find/${movieId(0)}`]?.unshift(answer({}, 429, { "Retry-After": "7" }));
    routes["/find/tt4574334"] = [answer({ movie_results: [], tv_results: [{ id: 66732 }] })];
    routes["/tv/66732"] = [answer(tvDetail)];
    routes["/find/tt0000404"] = [answer({ movie_results: [], tv_results: [] })];
    routes["/find/tt0000500"] = [answer({}, 500)];
    const titles = [
      ...movies.map((i) => ({ imdbId: movieId(i), kind: "movie" as const })),
      { imdbId: "tt4574334", kind: "tv" as const },
      { imdbId: "tt0000404" },
      { imdbId: "tt0000500" },
    ];
    const script = tmdbPythonScript(input({ titles, settings: { ...input().settings, fields } }));
    const ran = await runWithFakes(script, routes);

    expect(ran.headers.Authorization).toBe("Bearer test-token");
    expect(ran.sleeps.filter((s) => s !== 1 / 40)).toEqual([7, 2, 4, 8, 16]);
    expect(ran.requests.filter((r) => r.path === "/find/tt0000500")).toHaveLength(5);
    expect(ran.requests.find((r) => r.path === "/movie/1000")?.params).toEqual({
      append_to_response: "credits,keywords,release_dates",
    });

    const movieRecords = movies.map((i) => pickFields("movie", movieId(i), movieDetail(i), fields));
    const tvRecords = [pickFields("tv", "tt4574334", tvDetail, fields)];
    const expected = [
      ...splitIntoFiles("movie", movieRecords.slice(0, 100)).files.map((f, n) => ({
        kind: "movie" as const,
        n: n + 1,
        f,
      })),
      { kind: "movie" as const, n: 2, f: splitIntoFiles("movie", movieRecords.slice(100)).files[0] },
      { kind: "tv" as const, n: 1, f: splitIntoFiles("tv", tvRecords).files[0] },
    ];
    expect(ran.puts.map((put) => put.Key)).toEqual(
      expected.map(({ kind, n }) => rawTmdbKey(DATE, tmdbFileName("tmdb", kind, n))),
    );
    expect(ran.puts.map((put) => put.Body)).toEqual(expected.map(({ f }) => f?.body));
    expect(ran.puts.every((put) => put.Bucket === "your-data-lake-bucket")).toBe(true);
    expect(ran.puts.every((put) => put.ContentType === "application/json")).toBe(true);
  });

  async function runWithFakes(script: string, routes: Record<string, unknown[]>) {
    const scriptFile = path.join(dir, "run.py");
    const routesFile = path.join(dir, "routes.json");
    const outFile = path.join(dir, "out.json");
    await writeFile(scriptFile, script);
    await writeFile(routesFile, JSON.stringify(routes));
    execFileSync("python3", [HARNESS, scriptFile, routesFile, outFile], { stdio: "pipe" });
    return JSON.parse(await readFile(outFile, "utf8")) as {
      requests: { path: string; params: Record<string, string> }[];
      puts: { Bucket: string; Key: string; Body: string; ContentType: string }[];
      sleeps: number[];
      headers: Record<string, string>;
    };
  }
});
