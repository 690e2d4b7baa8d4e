/** What a sample record's one-line heading shows: IMDb id, title (TV: name), year, TMDB id. Pure. */
export interface RecordHeading {
  imdbId?: string;
  title?: string;
  year?: string;
  id?: number;
}

export function recordHeading(record: Record<string, unknown>): RecordHeading {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const date = text(record.release_date) ?? text(record.first_air_date);
  const heading: RecordHeading = {};
  const imdbId = text(record.imdb_id);
  const title = text(record.title) ?? text(record.name);
  if (imdbId) heading.imdbId = imdbId;
  if (title) heading.title = title;
  if (date && /^\d{4}/.test(date)) heading.year = date.slice(0, 4);
  if (typeof record.id === "number") heading.id = record.id;
  return heading;
}
