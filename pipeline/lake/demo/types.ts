/** Shared shapes of the demo generator: a title (movie or series) and the artists credited on it. */

export interface TitleRecord {
  /** `tt` + 7 digits, unique across movies and series. */
  id: string;
  title: string;
  originalTitle: string;
  startYear: number | null;
  /** Series only; null means still running (written as `\N`). */
  endYear: number | null;
  runtimeMinutes: number | null;
  /** IMDb genre names, sorted, at most 3; empty is written as `\N`. */
  genres: readonly string[];
  rating: number | null;
  votes: number | null;
}

export type ArtistGender = "actor" | "actress";

/** One person of the fixed artist pool; the same person recurs across many titles. */
export interface Artist {
  name: string;
  gender: ArtistGender;
  /** Used for casting even when unknown in the output (`birthYearKnown` false → `\N`). */
  birthYear: number;
  birthYearKnown: boolean;
  deathYear: number | null;
  /** IMDb primaryProfession style, e.g. ["actress", "producer"]. */
  professions: readonly string[];
  /** How many ids `titulosMaisConhecidos` lists for this person (1–4). */
  knownForCount: number;
}

export interface Credit {
  artist: Artist;
  /** Character played; null is written as `\N`. */
  character: string | null;
}

export interface CastTitle {
  record: TitleRecord;
  credits: readonly Credit[];
}
