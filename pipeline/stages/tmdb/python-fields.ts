import { CAST_LIMIT, SCALARS, type TmdbField } from "./enrich";

/**
 * The Python `keep(kind, imdb_id, detail)` of the student script: the same record `pickFields`
 * (enrich/fields.ts) builds, written out for the chosen fields only, in their order. The key names
 * are TMDB's; a unit test runs this Python against `pickFields` so the two cannot drift apart.
 */
/** TMDB's key for each plain field in a movie and a TV answer: the same table pickFields reads. */
const KEYS: Partial<Record<TmdbField, { movie?: string; tv?: string }>> = SCALARS;

const HELPERS: Partial<Record<TmdbField, string[]>> = {
  keywords: [
    "def keywords_of(kind, detail):",
    '    """[{id, name}]: movies answer keywords.keywords, TV keywords.results."""',
    '    keywords = (detail.get("keywords") or {}).get("keywords" if kind == "movie" else "results") or []',
    '    return [{"id": k.get("id"), "name": k.get("name")} for k in keywords]',
  ],
  credits: [
    'CREW_JOBS = {"Director", "Writer", "Screenplay", "Story", "Novel", "Creator"}',
    "",
    "",
    "def credits_of(detail):",
    `    """The top ${CAST_LIMIT} of the cast by billing order, and the directors and writers."""`,
    '    credits = detail.get("credits") or {}',
    '    people = credits.get("cast") or []',
    '    cast = [(p["order"] if isinstance(p.get("order"), (int, float)) else i, p) for i, p in enumerate(people)]',
    "    cast.sort(key=lambda pair: pair[0])",
    "    return {",
    '        "cast": [',
    '            {"id": p.get("id"), "name": p.get("name"), "gender": p.get("gender") or 0,',
    '             "character": p.get("character"), "order": order}',
    `            for order, p in cast[:${CAST_LIMIT}]`,
    "        ],",
    '        "crew": [',
    '            {"id": p.get("id"), "name": p.get("name"), "job": p["job"], "department": p.get("department")}',
    '            for p in credits.get("crew") or []',
    '            if p.get("job") in CREW_JOBS',
    "        ],",
    "    }",
  ],
  certifications: [
    "def certifications_of(kind, detail):",
    '    """Age ratings per country: the movie\'s release_dates, or TV\'s content_ratings; empty ones dropped."""',
    '    if kind == "tv":',
    '        ratings = (detail.get("content_ratings") or {}).get("results") or []',
    '        return [{"country": r.get("iso_3166_1"), "certification": r["rating"]} for r in ratings if r.get("rating")]',
    '    countries = (detail.get("release_dates") or {}).get("results") or []',
    "    return [",
    '        {"country": c.get("iso_3166_1"), "certification": d["certification"],',
    '         "type": d.get("type"), "release_date": d.get("release_date")}',
    "        for c in countries",
    '        for d in c.get("release_dates") or []',
    '        if d.get("certification")',
    "    ]",
  ],
};

/** The helper functions the chosen fields need, then `copy` and `keep`. */
export function pythonKeep(fields: readonly TmdbField[]): string[] {
  const lines: string[] = [];
  for (const field of fields) {
    const helper = HELPERS[field];
    if (helper) lines.push(...helper, "", "");
  }
  lines.push(
    "def copy(record, detail, key):",
    "    if key in detail:",
    "        record[key] = detail[key]",
    "",
    "",
    "def keep(kind, imdb_id, detail):",
    '    """The record RAW keeps: imdb_id (the join key with the CSVs), TMDB\'s id, then the chosen fields."""',
    '    movie = kind == "movie"',
    '    record = {"imdb_id": imdb_id, "id": detail["id"]}',
    ...fields.map(keepLine),
    "    return record",
  );
  return lines;
}

function keepLine(field: TmdbField): string {
  if (field === "keywords") return '    record["keywords"] = keywords_of(kind, detail)';
  if (field === "credits") return '    record["credits"] = credits_of(detail)';
  if (field === "certifications") return '    record["certifications"] = certifications_of(kind, detail)';
  const { movie, tv } = KEYS[field] ?? {};
  if (movie && tv) {
    const key = movie === tv ? py(movie) : `${py(movie)} if movie else ${py(tv)}`;
    return `    copy(record, detail, ${key})`;
  }
  if (movie) return `    if movie:\n        copy(record, detail, ${py(movie)})`;
  return `    if not movie:\n        copy(record, detail, ${py(tv ?? field)})`;
}

/** Python string literal: JSON's escapes are valid in Python. */
export function py(text: string): string {
  return JSON.stringify(text);
}
