import { LakebookError } from "../../../contract";
import type { TmdbSettings } from "../settings";
import { pickFields, type TitleKind } from "./fields";
import type { TmdbGetter } from "./getter";
import type { SelectedTitle } from "./select";

/** The requests for one title and what came of them; no state, no files. */
export type Json = Record<string, unknown>;
export type Outcome =
  | { type: "found"; kind: TitleKind; record: Json }
  | { type: "not_found" }
  | { type: "failed"; reason: string }
  | { type: "cancelled" };

type Fields = TmdbSettings["fields"];
type Failed = Extract<Awaited<ReturnType<TmdbGetter["get"]>>, { ok: false }>;

const FIND_QUERY = { external_source: "imdb_id" };
export const APPEND: Record<TitleKind, string> = {
  movie: "credits,keywords,release_dates",
  tv: "credits,keywords,external_ids,content_ratings",
};

/** A selected title: `/find/{imdb_id}` → `/movie/{id}` or `/tv/{id}` → the chosen fields. */
export async function enrichTitle(
  getter: TmdbGetter,
  title: SelectedTitle,
  fields: Fields,
  signal: AbortSignal,
): Promise<Outcome> {
  const found = await getter.get<FindAnswer>(`/find/${title.imdbId}`, FIND_QUERY, { signal });
  if (signal.aborted) return { type: "cancelled" };
  if (!found.ok) return outcomeOfFailure(found, "find");
  const match = matchOf(found.body, title.kind);
  if (!match) return { type: "not_found" };
  const detail = await getter.get<Json>(
    `/${match.kind}/${match.id}`,
    { append_to_response: APPEND[match.kind] },
    { signal },
  );
  if (signal.aborted) return { type: "cancelled" };
  if (!detail.ok) return outcomeOfFailure(detail, match.kind);
  if (typeof detail.body !== "object" || detail.body === null) {
    return { type: "failed", reason: `${match.kind}: the answer is not a JSON object` };
  }
  const record = pickFields(match.kind, title.imdbId, { id: match.id, ...detail.body }, fields);
  return { type: "found", kind: match.kind, record };
}

/**
 * One discovered movie: `/movie/{id}` details, whose `imdb_id` TMDB may leave null or empty. Such a
 * title is kept with `imdb_id: null` (and counted as withoutImdbId): the challenge joins by imdb_id,
 * so it cannot join the CSVs, but it is still TMDB data the run was asked for.
 */
export async function enrichDiscovered(
  getter: TmdbGetter,
  tmdbId: number,
  fields: Fields,
  signal: AbortSignal,
): Promise<Outcome> {
  const detail = await getter.get<Json>(`/movie/${tmdbId}`, { append_to_response: APPEND.movie }, { signal });
  if (signal.aborted) return { type: "cancelled" };
  if (!detail.ok) {
    const outcome = outcomeOfFailure(detail, "movie");
    return outcome.type === "not_found" ? { type: "failed", reason: "movie: HTTP 404: not found" } : outcome;
  }
  if (typeof detail.body !== "object" || detail.body === null) {
    return { type: "failed", reason: "movie: the answer is not a JSON object" };
  }
  const raw = detail.body.imdb_id;
  const imdbId = typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
  const record = pickFields("movie", imdbId, { ...detail.body, id: tmdbId }, fields);
  return { type: "found", kind: "movie", record };
}

interface FindAnswer {
  movie_results?: { id?: unknown }[];
  tv_results?: { id?: unknown }[];
}

/** The declared kind's list first, then the other: a TV movie in raw.movies is still found. */
function matchOf(body: FindAnswer, kind: TitleKind | undefined): { kind: TitleKind; id: number } | undefined {
  const order: TitleKind[] = kind === "tv" ? ["tv", "movie"] : ["movie", "tv"];
  for (const candidate of order) {
    const list = candidate === "movie" ? body?.movie_results : body?.tv_results;
    const id = Array.isArray(list) ? list[0]?.id : undefined;
    if (typeof id === "number" && Number.isInteger(id)) return { kind: candidate, id };
  }
  return undefined;
}

/** A failed answer as an outcome; a 401 throws TMDB_UNAUTHORIZED, which stops the whole run. */
export function outcomeOfFailure(result: Failed, step: string): Outcome {
  if (result.reason === "unauthorized") throw unauthorized();
  if (result.reason === "not_found") return { type: "not_found" };
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : "";
  return {
    type: "failed",
    reason: `${step}: HTTP ${result.status}${tries}: ${result.message}`.slice(0, 300),
  };
}

function unauthorized(): LakebookError {
  // Never the client's message: the key must not reach an error, whatever the client put there.
  return new LakebookError("TMDB_UNAUTHORIZED", "TMDB refused the credentials (HTTP 401); the run stopped.", {
    hint: "Set a valid TMDB token in Settings (or TMDB_READ_ACCESS_TOKEN / TMDB_API_KEY) and run again; finished files are kept.",
  });
}
