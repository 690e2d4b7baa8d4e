import { LakebookError } from "../../../contract";
import type { Engine } from "../../../engine";
import type { TitleKind } from "./fields";

/** One title to enrich; `kind` undefined means "whichever TMDB finds, movies first". */
export interface SelectedTitle {
  imdbId: string;
  kind?: TitleKind;
}

export interface Selection {
  titles: SelectedTitle[];
  /** Values of `id` that are not IMDb ids (`tt` + digits), as text; NULLs are not listed. */
  skipped: string[];
}

const IMDB_ID = /^tt\d+$/;
const KINDS: Record<string, TitleKind> = { movie: "movie", movies: "movie", tv: "tv", series: "tv" };

/**
 * Runs the cell's select and reads `id` (and `kind` when present), distinct by IMDb id (the first
 * row wins). Streamed, so a select over all of RAW does not sit in memory as rows.
 */
export async function readSelection(engine: Engine, sql: string, signal?: AbortSignal): Promise<Selection> {
  return selectionFromChunks(engine.stream(sql, signal ? { signal } : {}));
}

/** The same reading over any source of row chunks (the local engine, or Athena's result pages). */
export async function selectionFromChunks(
  chunks: AsyncIterable<{ columns: { name: string }[]; rows: Record<string, unknown>[] }>,
): Promise<Selection> {
  const seen = new Set<string>();
  const skipped = new Set<string>();
  const titles: SelectedTitle[] = [];
  let checked = false;
  for await (const chunk of chunks) {
    if (!checked) {
      checked = true;
      if (!chunk.columns.some((column) => column.name === "id")) {
        throw new LakebookError(
          "TMDB_SELECT_INVALID",
          `The TMDB cell's select returns no column "id" (it returns ${chunk.columns.map((c) => c.name).join(", ")}).`,
          { hint: "Select the IMDb ids as id, e.g. SELECT id, 'movie' AS kind FROM raw.movies." },
        );
      }
    }
    for (const row of chunk.rows) {
      const raw = row.id;
      if (raw === null || raw === undefined) continue;
      const imdbId = String(raw).trim();
      if (!IMDB_ID.test(imdbId)) {
        skipped.add(imdbId);
        continue;
      }
      if (seen.has(imdbId)) continue;
      seen.add(imdbId);
      const kind = kindOf(row.kind, imdbId);
      titles.push(kind ? { imdbId, kind } : { imdbId });
    }
  }
  return { titles, skipped: [...skipped] };
}

function kindOf(value: unknown, imdbId: string): TitleKind | undefined {
  if (value === null || value === undefined) return undefined;
  const kind = KINDS[String(value).trim().toLowerCase()];
  if (kind) return kind;
  throw new LakebookError(
    "TMDB_SELECT_INVALID",
    `The TMDB cell's select gives kind ${JSON.stringify(value)} for ${imdbId}; kind must be 'movie' or 'tv'.`,
    { hint: "Return 'movie' for titles from raw.movies and 'tv' for raw.series, or leave kind out." },
  );
}
