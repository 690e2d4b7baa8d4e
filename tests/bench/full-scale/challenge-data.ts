import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MOVIES_COLUMNS, SERIES_COLUMNS } from "../../../pipeline/lake/dataset-columns";
import { mulberry32 } from "../../../pipeline/lake/demo/random";
import { type OfflineTitle, offlineTitlesFromVegaDatasets } from "../../../pipeline/stages/tmdb/offline";

/**
 * The challenge's two files at their real size (scale 1: movies ≈ 1.03 M rows / 160 MB, series
 * ≈ 0.44 M rows / 70 MB), generated from one seed: one row per credited artist, ids sorted and
 * unique across both files (movies take even numbers, series odd ones), `\N` nulls, comma lists,
 * a few percent Horror and more Mystery, so the demo's TMDB select picks ≈ 84 k titles at scale 1.
 * The demo generator (`pipeline/lake/demo`) is built on 3,200 real films and does not stretch this far,
 * but its horror and mystery titles are mixed in (same ids, titles, genres), so a TMDB select
 * sampled to them finds every title in the offline TMDB sample: `tmdbSample` lists them.
 */

const MOVIE_TITLES = 294_000;
const SERIES_TITLES = 126_000;
const GENERATOR_VERSION = 2;
const TMDB_SAMPLE = 300;

export const CACHE_ROOT = fileURLToPath(
  new URL("../../../node_modules/.cache/lakebook-bench/", import.meta.url),
);

export interface ChallengeData {
  dir: string;
  movies: { file: string; rows: number; bytes: number };
  series: { file: string; rows: number; bytes: number };
  /** IMDb ids of horror/mystery titles the offline TMDB sample knows, at most TMDB_SAMPLE. */
  tmdbSample: string[];
}

/** The files for `scale` in the cache folder, generated once (a marker file says they are whole). */
export async function challengeData(scale: number): Promise<ChallengeData> {
  const dir = path.join(CACHE_ROOT, `challenge-v${GENERATOR_VERSION}-scale-${scale}`);
  const marker = path.join(dir, "done.json");
  try {
    return JSON.parse(await readFile(marker, "utf8")) as ChallengeData;
  } catch {
    // not generated yet
  }
  await mkdir(dir, { recursive: true });
  const known = (await offlineTitlesFromVegaDatasets()).filter((title) =>
    title.genres.some((genre) => genre === "Horror" || genre === "Mystery"),
  );
  const movieKnown = known.filter((title) => title.kind === "movie");
  const seriesKnown = known.filter((title) => title.kind === "tv");
  const taken = new Set(known.map((title) => title.imdbId));
  const movies = await writeDataset(
    path.join(dir, "movies.csv"),
    "movies",
    Math.round(MOVIE_TITLES * scale),
    movieKnown,
    taken,
  );
  const series = await writeDataset(
    path.join(dir, "series.csv"),
    "series",
    Math.round(SERIES_TITLES * scale),
    seriesKnown,
    taken,
  );
  const tmdbSample = [
    ...movieKnown.slice(0, TMDB_SAMPLE * 0.8),
    ...seriesKnown.slice(0, TMDB_SAMPLE * 0.2),
  ].map((title) => title.imdbId);
  const data: ChallengeData = { dir, movies, series, tmdbSample };
  await writeFile(marker, JSON.stringify(data));
  return data;
}

const GENRES = [
  "Drama",
  "Comedy",
  "Action",
  "Romance",
  "Crime",
  "Thriller",
  "Adventure",
  "Documentary",
  "Sci-Fi",
  "Fantasy",
  "Animation",
  "Family",
  "Biography",
  "History",
  "Music",
  "War",
  "Western",
];
const WORDS = [
  "House",
  "Night",
  "Dark",
  "Blood",
  "Love",
  "City",
  "Dead",
  "Last",
  "Summer",
  "Storm",
  "Shadow",
  "River",
  "Mirror",
  "Silent",
  "Hollow",
  "Moon",
  "Secret",
  "Fire",
  "Garden",
  "Winter",
  "Maldição",
  "Noite",
  "Coração",
  "Sombra",
  "Irmã",
  "Ilha",
  "Caçada",
  "Fantasma",
  "Porão",
  "Véu",
];
const FIRST = [
  "Leon",
  "María",
  "Edward",
  "Anne-Marie",
  "Kenji",
  "João",
  "Fernanda",
  "Olga",
  "Tomás",
  "Ingrid",
  "Chidi",
  "Aiko",
  "Rafael",
  "Zoë",
  "Björn",
  "Lúcia",
  "Pedro",
  "Helena",
  "Omar",
  "Sofia",
];
const LAST = [
  "Sullivan",
  "Falcão",
  "Stone",
  "Dupré",
  "Watanabe",
  "Gonçalves",
  "Kowalski",
  "Nakamura",
  "O'Brien",
  "Ferreira",
  "Müller",
  "Okafor",
  "Lindqvist",
  "Almeida",
  "Castro",
  "Haddad",
  "Ivanova",
];
const PROFESSIONS = ["actor", "actress", "producer", "writer", "director", "soundtrack", "miscellaneous"];

async function writeDataset(
  file: string,
  dataset: "movies" | "series",
  titles: number,
  known: readonly OfflineTitle[],
  taken: ReadonlySet<string>,
): Promise<{ file: string; rows: number; bytes: number }> {
  const random = mulberry32(dataset === "movies" ? 0x6d6f76 : 0x736572);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const columns = dataset === "movies" ? MOVIES_COLUMNS : SERIES_COLUMNS;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let bytes = 0;
  let rows = 0;
  let batch: string[] = [`${columns.join("|")}\n`];
  const flush = async () => {
    const text = batch.join("");
    batch = [];
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };
  const knownById = new Map(known.map((title) => [title.imdbId, title]));
  const ids = [...knownById.keys()];
  for (let t = 0; ids.length < titles + known.length; t++) {
    const id = `tt${String(1_000_000 + 2 * t + (dataset === "series" ? 1 : 0)).padStart(7, "0")}`;
    if (!taken.has(id)) ids.push(id);
  }
  ids.sort();
  for (const [t, id] of ids.entries()) {
    const sample = knownById.get(id);
    const title = sample
      ? sample.title.replaceAll("|", " ")
      : `${pick(WORDS)} ${pick(WORDS)}${random() < 0.3 ? ` ${t}` : ""}`;
    const original = random() < 0.7 ? title : `${pick(WORDS)} ${pick(WORDS)}`;
    const year = sample?.year ?? 1920 + Math.floor(random() * 103);
    const end =
      dataset === "series" ? (random() < 0.4 ? "\\N" : String(year + Math.floor(random() * 12))) : null;
    const minutes =
      random() < 0.1
        ? "\\N"
        : String(dataset === "movies" ? 70 + Math.floor(random() * 80) : 20 + Math.floor(random() * 40));
    const genres = new Set<string>();
    const roll = random();
    if (roll < 0.06) genres.add("Horror");
    if (roll > 0.86) genres.add("Mystery");
    for (const genre of sample?.genres ?? []) genres.add(genre);
    while (genres.size < 1 + Math.floor(random() * 3)) genres.add(pick(GENRES));
    const rating = (1 + random() * 9).toFixed(1);
    const votes = String(5 + Math.floor(random() ** 3 * 900_000));
    const head = `${id}|${title}|${original}|${year}${end === null ? "" : `|${end}`}|${minutes}|${[...genres].sort().join(",")}|${rating}|${votes}|`;
    const artists = 1 + Math.floor(random() * 6);
    for (let a = 0; a < artists; a++, rows++) {
      const actress = random() < 0.45;
      const born = random() < 0.15 ? "\\N" : String(1900 + Math.floor(random() * 100));
      const died =
        born !== "\\N" && random() < 0.3 ? String(Number(born) + 40 + Math.floor(random() * 50)) : "\\N";
      const character = random() < 0.35 ? "\\N" : `${pick(FIRST)} ${pick(LAST)}`;
      const professions = [
        actress ? "actress" : "actor",
        ...(random() < 0.4 ? [pick(PROFESSIONS)] : []),
      ].join(",");
      const known = Array.from(
        { length: 2 + Math.floor(random() * 4) },
        () => `tt${String(Math.floor(random() * 9_999_999)).padStart(7, "0")}`,
      ).join(",");
      batch.push(
        `${head}${actress ? "actress" : "actor"}|${character}|${pick(FIRST)} ${pick(LAST)}|${born}|${died}|${professions}|${known}\n`,
      );
    }
    if (batch.length >= 4096) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  await rename(partial, file);
  return { file, rows, bytes };
}
