import type { IdAllocator } from "./ids";
import { Rng, SEEDS } from "./random";
import type { TitleRecord } from "./types";

/**
 * The generated part of the demo's series.csv: vega-datasets has no TV data, so series come from
 * word lists and a seeded PRNG (mulberry32, seed SEEDS.series). Same seed → same catalogue.
 */
export const SERIES_COUNT = 400;
const FIRST_YEAR = 1960;
const LAST_YEAR = 2024;

const EN_ADJECTIVES = [
  "Hollow",
  "Silent",
  "Crimson",
  "Midnight",
  "Broken",
  "Hidden",
  "Black",
  "Cold",
  "Lost",
  "Wicked",
  "Northern",
  "Bright",
  "Quiet",
  "Savage",
  "Golden",
  "Final",
  "Pale",
  "Restless",
  "Burning",
  "Sunken",
] as const;
const EN_NOUNS = [
  "Creek",
  "Harbor",
  "Signal",
  "Ward",
  "Hours",
  "Precinct",
  "Orchard",
  "Frontier",
  "Shadows",
  "Lodge",
  "Files",
  "Tide",
  "Station",
  "Pines",
  "Sisters",
  "Protocol",
  "Manor",
  "Circuit",
  "Kingdom",
  "Hills",
] as const;
const EN_PLACES = [
  "Blackwood",
  "Raven Hill",
  "Salem",
  "Marrow Bay",
  "Eastfield",
  "Cedar Falls",
  "Port Ellis",
] as const;

// Portuguese heads and places are chosen so any pairing is grammatical ("O Silêncio da Floresta").
const PT_HEADS = [
  "A Casa",
  "O Segredo",
  "A Noite",
  "O Silêncio",
  "A Maldição",
  "O Último Verão",
  "As Sombras",
  "Os Herdeiros",
  "A Lenda",
  "O Mistério",
  "A Guardiã",
  "O Sussurro",
  "A Travessia",
  "Os Órfãos",
] as const;
const PT_PLACES = [
  "do Sertão",
  "da Floresta",
  "de Ouro Preto",
  "do Lago Escuro",
  "da Meia-Noite",
  "de São Paulo",
  "do Pantanal",
  "da Ilha",
  "do Farol",
  "de Belém",
  "da Serra",
  "do Caminho Velho",
] as const;

/** IMDb genre names, weighted towards what the horror-subgenre demo compares. */
const SERIES_GENRES: readonly (readonly [string, number])[] = [
  ["Drama", 10],
  ["Comedy", 8],
  ["Crime", 7],
  ["Mystery", 6],
  ["Horror", 6],
  ["Thriller", 6],
  ["Sci-Fi", 5],
  ["Fantasy", 5],
  ["Action", 4],
  ["Adventure", 3],
  ["Romance", 3],
  ["Animation", 2],
  ["Family", 2],
  ["Documentary", 2],
];

function seriesTitle(rng: Rng): string {
  const roll = rng.float();
  if (roll < 0.25) return `${rng.pick(PT_HEADS)} ${rng.pick(PT_PLACES)}`;
  if (roll < 0.55) return `${rng.pick(EN_ADJECTIVES)} ${rng.pick(EN_NOUNS)}`;
  if (roll < 0.75) return `The ${rng.pick(EN_ADJECTIVES)} ${rng.pick(EN_NOUNS)}`;
  if (roll < 0.9) return `The ${rng.pick(EN_NOUNS)} of ${rng.pick(EN_PLACES)}`;
  return `${rng.pick(EN_PLACES)} ${rng.pick(EN_NOUNS)}`;
}

/** Pairs IMDb practically never combines (a family horror show, a romantic documentary). */
const CLASHES: Readonly<Record<string, readonly string[]>> = {
  Documentary: ["Horror", "Fantasy", "Sci-Fi", "Romance", "Animation", "Family"],
  Family: ["Horror", "Crime", "Thriller"],
};

function clashes(a: string, b: string): boolean {
  return (CLASHES[a] ?? []).includes(b) || (CLASHES[b] ?? []).includes(a);
}

function seriesGenres(rng: Rng): string[] {
  const count = rng.weighted([
    [1, 3],
    [2, 4],
    [3, 3],
  ] as const);
  const genres = new Set<string>();
  while (genres.size < count) {
    const genre = rng.weighted(SERIES_GENRES);
    if (![...genres].some((g) => clashes(g, genre))) genres.add(genre);
  }
  return [...genres].sort();
}

/** Later decades have more series: start years skew towards the present. */
function startYear(rng: Rng): number {
  return LAST_YEAR - Math.floor((LAST_YEAR - FIRST_YEAR + 1) * rng.float() ** 1.6);
}

/** Recent shows are often still running (`\N`); old ones have ended by now. */
function endYear(start: number, rng: Rng): number | null {
  const running = start >= 2018 ? 0.6 : start >= 2005 ? 0.25 : 0.03;
  if (rng.chance(running)) return null;
  const seasons = 1 + Math.floor(rng.float() ** 2 * 12);
  return Math.min(start + seasons - 1, LAST_YEAR);
}

/** Sitcom and animation slots are short, dramas run 40–70 minutes; ~8% unknown. */
function runtime(genres: readonly string[], rng: Rng): number | null {
  if (rng.chance(0.08)) return null;
  const short = (genres.includes("Comedy") || genres.includes("Animation")) && !genres.includes("Drama");
  return short ? rng.int(20, 32) : rng.int(40, 70);
}

/** Bell-shaped around 7.1 with a thin tail of flops; always 1.0–9.9 with one decimal. */
function rating(rng: Rng): number {
  const raw = rng.chance(0.04)
    ? 1 + rng.float() * 4
    : 7.1 + (rng.float() + rng.float() + rng.float() + rng.float() - 2) * 1.6;
  return Math.round(Math.min(9.9, Math.max(1, raw)) * 10) / 10;
}

/** Roughly log-uniform from a few dozen to a few hundred thousand votes. */
function votes(rng: Rng): number {
  return Math.round(10 ** (1.4 + 4.3 * rng.float() ** 1.3));
}

/** `count` series with unique titles and ids from the shared allocator, sorted by id. */
export function generateSeries(
  ids: IdAllocator,
  count = SERIES_COUNT,
  seed: number = SEEDS.series,
): TitleRecord[] {
  const rng = new Rng(seed);
  const seen = new Set<string>();
  const drafts: Omit<TitleRecord, "id">[] = [];
  for (let attempts = 0; drafts.length < count; attempts++) {
    if (attempts > count * 50) throw new Error(`series word lists cannot make ${count} distinct titles`);
    const title = seriesTitle(rng);
    if (seen.has(title)) continue;
    seen.add(title);
    const start = startYear(rng);
    const genres = seriesGenres(rng);
    drafts.push({
      title,
      originalTitle: title,
      startYear: start,
      endYear: endYear(start, rng),
      runtimeMinutes: runtime(genres, rng),
      genres,
      rating: rating(rng),
      votes: votes(rng),
    });
  }
  const assigned = ids.allocateAll(drafts.map((d) => `series\u0000${d.title}\u0000${d.startYear}`));
  return drafts
    .map((d, i) => ({ id: assigned[i] ?? "", ...d }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
