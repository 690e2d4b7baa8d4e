/**
 * TMDB's genre lists (ids as TMDB publishes them) and the translation from IMDb genre names.
 * TMDB TV has no Horror or Thriller: a horror series gets no TMDB genre for it (its keywords say
 * "horror" instead, see details.ts) and a thriller series is filed under Mystery.
 */
export interface TmdbGenre {
  id: number;
  name: string;
}

export const MOVIE_GENRES: readonly TmdbGenre[] = [
  { id: 28, name: "Action" },
  { id: 12, name: "Adventure" },
  { id: 16, name: "Animation" },
  { id: 35, name: "Comedy" },
  { id: 80, name: "Crime" },
  { id: 99, name: "Documentary" },
  { id: 18, name: "Drama" },
  { id: 10751, name: "Family" },
  { id: 14, name: "Fantasy" },
  { id: 36, name: "History" },
  { id: 27, name: "Horror" },
  { id: 10402, name: "Music" },
  { id: 9648, name: "Mystery" },
  { id: 10749, name: "Romance" },
  { id: 878, name: "Science Fiction" },
  { id: 10770, name: "TV Movie" },
  { id: 53, name: "Thriller" },
  { id: 10752, name: "War" },
  { id: 37, name: "Western" },
];

export const TV_GENRES: readonly TmdbGenre[] = [
  { id: 10759, name: "Action & Adventure" },
  { id: 16, name: "Animation" },
  { id: 35, name: "Comedy" },
  { id: 80, name: "Crime" },
  { id: 99, name: "Documentary" },
  { id: 18, name: "Drama" },
  { id: 10751, name: "Family" },
  { id: 10762, name: "Kids" },
  { id: 9648, name: "Mystery" },
  { id: 10763, name: "News" },
  { id: 10764, name: "Reality" },
  { id: 10765, name: "Sci-Fi & Fantasy" },
  { id: 10766, name: "Soap" },
  { id: 10767, name: "Talk" },
  { id: 10768, name: "War & Politics" },
  { id: 37, name: "Western" },
];

const MOVIE_FROM_IMDB: Readonly<Record<string, number>> = {
  Action: 28,
  Adventure: 12,
  Animation: 16,
  Biography: 36,
  Comedy: 35,
  Crime: 80,
  Documentary: 99,
  Drama: 18,
  Family: 10751,
  Fantasy: 14,
  History: 36,
  Horror: 27,
  Music: 10402,
  Musical: 10402,
  Mystery: 9648,
  Romance: 10749,
  "Sci-Fi": 878,
  Thriller: 53,
  War: 10752,
  Western: 37,
};

const TV_FROM_IMDB: Readonly<Record<string, number>> = {
  Action: 10759,
  Adventure: 10759,
  Animation: 16,
  Comedy: 35,
  Crime: 80,
  Documentary: 99,
  Drama: 18,
  Family: 10751,
  Fantasy: 10765,
  Mystery: 9648,
  "Sci-Fi": 10765,
  Thriller: 9648,
  War: 10768,
  Western: 37,
};

/** TMDB genres of a title from its IMDb genre names, in TMDB's list order, without repeats. */
export function tmdbGenres(kind: "movie" | "tv", imdbGenres: readonly string[]): TmdbGenre[] {
  const table = kind === "movie" ? MOVIE_FROM_IMDB : TV_FROM_IMDB;
  const ids = new Set(imdbGenres.map((name) => table[name]).filter((id) => id !== undefined));
  return (kind === "movie" ? MOVIE_GENRES : TV_GENRES).filter((genre) => ids.has(genre.id));
}
