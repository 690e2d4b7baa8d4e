import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { MOVIES_COLUMNS, SERIES_COLUMNS } from "../dataset-columns";
import { buildArtistPool, castTitle } from "./artists";
import { type Field, writeDelimitedFile } from "./csv-writer";
import { IdAllocator } from "./ids";
import { KnownForIndex } from "./known-for";
import { loadVegaMovies, moviesFromVega } from "./movies-from-vega";
import { generateSeries } from "./series-generator";
import type { CastTitle, Credit } from "./types";

/**
 * The demo data behind `lakebook demo <dir>`: movies.csv built from the real films in
 * vega-datasets, series.csv generated, both in the course challenge's exact format. Every run
 * writes the same bytes (see README.md in this folder).
 */
export interface DemoFile {
  path: string;
  /** Data rows (one per credited artist), header excluded. */
  rows: number;
  bytes: number;
}

export async function writeDemoData(dataDir: string): Promise<{ movies: DemoFile; series: DemoFile }> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const { movies, series, knownFor } = await buildDemoTitles();

  const moviesPath = join(dir, "movies.csv");
  const seriesPath = join(dir, "series.csv");
  const moviesFile = await writeDelimitedFile(moviesPath, MOVIES_COLUMNS, titleRows(movies, knownFor, false));
  const seriesFile = await writeDelimitedFile(seriesPath, SERIES_COLUMNS, titleRows(series, knownFor, true));
  return { movies: { path: moviesPath, ...moviesFile }, series: { path: seriesPath, ...seriesFile } };
}

/** Titles with their casts, both lists sorted by id; ids are unique across the two. */
export async function buildDemoTitles(): Promise<{
  movies: CastTitle[];
  series: CastTitle[];
  knownFor: KnownForIndex;
}> {
  // One allocator for both files: movies first, so adding series never changes a movie id.
  const ids = new IdAllocator();
  const movieRecords = moviesFromVega(await loadVegaMovies(), ids);
  const seriesRecords = generateSeries(ids);
  const pool = buildArtistPool();
  const movies = movieRecords.map((record) => ({ record, credits: castTitle(record, pool) }));
  const series = seriesRecords.map((record) => ({ record, credits: castTitle(record, pool) }));
  return { movies, series, knownFor: new KnownForIndex(movies, series) };
}

/** One row per credited artist, title columns repeated; lazily, so rows are never all in memory. */
function* titleRows(titles: readonly CastTitle[], knownFor: KnownForIndex, isSeries: boolean) {
  for (const { record, credits } of titles) {
    const titleFields: Field[] = [
      record.id,
      record.title,
      record.originalTitle,
      record.startYear,
      ...(isSeries ? [record.endYear] : []),
      record.runtimeMinutes,
      record.genres.length > 0 ? record.genres.join(",") : null,
      // IMDb writes ratings with one decimal ("7.0", not "7").
      record.rating === null ? null : record.rating.toFixed(1),
      record.votes,
    ];
    for (const credit of credits)
      yield [...titleFields, ...artistFields(credit, record.id, knownFor, isSeries)];
  }
}

function artistFields(credit: Credit, titleId: string, knownFor: KnownForIndex, isSeries: boolean): Field[] {
  const { artist, character } = credit;
  return [
    artist.gender,
    character,
    artist.name,
    artist.birthYearKnown ? artist.birthYear : null,
    artist.deathYear,
    artist.professions.join(","),
    knownFor.forRow(artist, titleId, isSeries).join(","),
  ];
}
