import { Rng } from "./random";
import type { Artist, CastTitle } from "./types";

/**
 * `titulosMaisConhecidos`: an artist's best-known titles, like IMDb's knownForTitles. Here they
 * are the artist's most-voted films in the demo, excluding the title of the row itself, so every
 * id exists in movies.csv. Series rows may also fall back to the artist's other series.
 */
export class KnownForIndex {
  private readonly films = new Map<Artist, string[]>();
  private readonly series = new Map<Artist, string[]>();
  private readonly allFilmIds: readonly string[];

  constructor(movies: readonly CastTitle[], series: readonly CastTitle[]) {
    this.allFilmIds = movies.map((m) => m.record.id);
    fill(this.films, movies);
    fill(this.series, series);
  }

  /** 1–4 ids (the artist's own count), never including `titleId`. */
  forRow(artist: Artist, titleId: string, allowSeries: boolean): string[] {
    const pickFrom = (ids: readonly string[] | undefined) =>
      (ids ?? []).filter((id) => id !== titleId).slice(0, artist.knownForCount);
    let ids = pickFrom(this.films.get(artist));
    if (ids.length === 0 && allowSeries) ids = pickFrom(this.series.get(artist));
    if (ids.length > 0) return ids;
    // Only one credit in the whole demo: fall back to a deterministic other film.
    const rng = Rng.fromKey(`known:${artist.name}:${titleId}`);
    let id = rng.pick(this.allFilmIds);
    while (id === titleId) id = rng.pick(this.allFilmIds);
    return [id];
  }
}

/** Per artist: their titles by votes (most first), ties by id, so the order is total and stable. */
function fill(index: Map<Artist, string[]>, titles: readonly CastTitle[]): void {
  const ranked = [...titles].sort(
    (a, b) =>
      (b.record.votes ?? -1) - (a.record.votes ?? -1) ||
      (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
  );
  for (const { record, credits } of ranked) {
    for (const { artist } of credits) {
      const list = index.get(artist);
      if (list === undefined) index.set(artist, [record.id]);
      else list.push(record.id);
    }
  }
}
