// The demo generator is reused, not re-derived, so these titles carry exactly the IMDb ids (and the
// cast) of the demo CSVs. It lives in pipeline/lake/demo, which the CLI uses too.
import { buildDemoTitles } from "../../../lake/demo/demo-data";
import { cleanTitle, loadVegaMovies, parseReleaseYear } from "../../../lake/demo/movies-from-vega";
import type { CastTitle, Credit } from "../../../lake/demo/types";
import { stableId } from "./details";
import type { OfflineCastMember, OfflineTitle } from "./offline-title";

/** The extra columns of movies.json the offline details need (the demo reader does not keep them). */
interface VegaExtras {
  Title: string | number | null;
  "Release Date": string | null;
  "Production Budget"?: number | null;
  "Worldwide Gross"?: number | null;
  Director?: string | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Every demo title (the real vega-datasets films as movies, the generated series as tv) with the
 * same IMDb ids as the demo's movies.csv / series.csv. Films also get budget (Production Budget),
 * revenue (Worldwide Gross), director and release date from movies.json; missing money is 0, as
 * TMDB does.
 */
export async function offlineTitlesFromVegaDatasets(): Promise<OfflineTitle[]> {
  const [{ movies, series }, films] = await Promise.all([buildDemoTitles(), loadVegaMovies()]);
  const extras = extrasByTitleAndYear(films as unknown as VegaExtras[]);
  // Films sharing title and year get ids in input order (the allocator's tie-break), so match them so.
  const ordered = [...movies].sort((a, b) =>
    a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0,
  );
  const out: OfflineTitle[] = [];
  for (const { record, credits } of ordered) {
    const film = extras.get(keyOf(record.title, record.startYear))?.shift();
    out.push({
      ...base("movie", { record, credits }),
      releaseDate: isoDate(film?.["Release Date"] ?? null, record.startYear),
      budget: money(film?.["Production Budget"]),
      revenue: money(film?.["Worldwide Gross"]),
      director:
        typeof film?.Director === "string" && film.Director.trim() !== "" ? film.Director.trim() : null,
    });
  }
  for (const title of series) out.push(base("tv", title));
  return out;
}

function base(kind: "movie" | "tv", { record, credits }: CastTitle): OfflineTitle {
  return {
    imdbId: record.id,
    kind,
    title: record.title,
    year: record.startYear,
    genres: record.genres,
    rating: record.rating,
    votes: record.votes,
    runtime: record.runtimeMinutes,
    cast: credits.map(castMember),
  };
}

/** TMDB knows most genders; a deterministic few are unknown (0) or non-binary (3), as in TMDB. */
function castMember(credit: Credit): OfflineCastMember {
  const roll = stableId(`gender:${credit.artist.name}`, 100);
  const gender = roll <= 8 ? 0 : roll <= 10 ? 3 : credit.artist.gender === "actress" ? 1 : 2;
  return { name: credit.artist.name, character: credit.character, gender };
}

function keyOf(title: string, year: number | null): string {
  return `${title}\u0000${year ?? ""}`;
}

function extrasByTitleAndYear(films: readonly VegaExtras[]): Map<string, VegaExtras[]> {
  const byKey = new Map<string, VegaExtras[]>();
  for (const film of films) {
    const title = cleanTitle(film.Title);
    if (title === null) continue;
    const key = keyOf(title, parseReleaseYear(film["Release Date"]));
    const list = byKey.get(key);
    if (list) list.push(film);
    else byKey.set(key, [film]);
  }
  return byKey;
}

function money(value: number | null | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/** "Jun 12 1998" → "1998-06-12", the year as the demo reads it (century fixed); else Jan 1st. */
function isoDate(raw: string | null, year: number | null): string | undefined {
  if (year === null) return undefined;
  const match = /^([A-Z][a-z]{2}) (\d{1,2}) \d{4}$/.exec(raw?.trim() ?? "");
  const month = match ? MONTHS.indexOf(match[1] ?? "") + 1 : 0;
  if (!match || month === 0) return `${year}-01-01`;
  return `${year}-${String(month).padStart(2, "0")}-${String(match[2]).padStart(2, "0")}`;
}
