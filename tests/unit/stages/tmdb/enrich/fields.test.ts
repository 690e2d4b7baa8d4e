import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CAST_LIMIT,
  canonicalField,
  DEFAULT_FIELDS,
  FIELD_NAMES,
  pickFields,
} from "../../../../../pipeline/stages/tmdb/enrich";

const cast = Array.from({ length: 14 }, (_, i) => ({
  id: 100 + i,
  name: `Actor ${i}`,
  gender: i % 3,
  character: `Role ${i}`,
  order: 13 - i,
  popularity: 1,
}));
const crew = [
  { id: 1, name: "Ari Aster", job: "Director", department: "Directing" },
  { id: 2, name: "Ari Aster", job: "Screenplay", department: "Writing" },
  { id: 3, name: "Someone", job: "Editor", department: "Editing" },
];

const movie = {
  id: 493922,
  imdb_id: "tt7784604",
  title: "Hereditary",
  original_title: "Hereditary",
  release_date: "2018-06-07",
  runtime: 127,
  budget: 10000000,
  revenue: 82800000,
  popularity: 40.1,
  vote_average: 7.3,
  vote_count: 7000,
  genres: [{ id: 27, name: "Horror" }],
  belongs_to_collection: null,
  tagline: "Every family tree hides a secret.",
  credits: { cast, crew },
  keywords: { keywords: [{ id: 1, name: "grief" }] },
  release_dates: {
    results: [
      { iso_3166_1: "US", release_dates: [{ certification: "R", type: 3, release_date: "2018-06-08" }] },
      { iso_3166_1: "BR", release_dates: [{ certification: "", type: 3, release_date: "2018-06-21" }] },
    ],
  },
};

const tv = {
  id: 1399,
  name: "Twin Peaks",
  original_name: "Twin Peaks",
  first_air_date: "1990-04-08",
  last_air_date: "1991-06-10",
  episode_run_time: [47],
  number_of_seasons: 2,
  popularity: 30,
  vote_average: 8.1,
  vote_count: 1000,
  genres: [{ id: 9648, name: "Mystery" }],
  credits: {
    cast: cast.slice(0, 3),
    crew: [{ id: 9, name: "David Lynch", job: "Director", department: "Directing" }],
  },
  keywords: { results: [{ id: 5, name: "small town" }] },
  external_ids: { imdb_id: "tt0098936" },
  content_ratings: {
    results: [
      { iso_3166_1: "US", rating: "TV-14" },
      { iso_3166_1: "DE", rating: "" },
    ],
  },
};

describe("pickFields", () => {
  it("keeps the default movie fields, with the appended parts normalised", () => {
    const record = pickFields("movie", "tt7784604", movie, DEFAULT_FIELDS);
    expect(record).toMatchObject({
      imdb_id: "tt7784604",
      id: 493922,
      title: "Hereditary",
      release_date: "2018-06-07",
      budget: 10000000,
      revenue: 82800000,
      belongs_to_collection: null,
      keywords: [{ id: 1, name: "grief" }],
      certifications: [{ country: "US", certification: "R", type: 3, release_date: "2018-06-08" }],
    });
    expect(record).not.toHaveProperty("tagline");
    expect(record).not.toHaveProperty("release_dates");
    const credits = record.credits as { cast: { order: number; gender: number }[]; crew: { job: string }[] };
    expect(credits.cast).toHaveLength(CAST_LIMIT);
    expect(credits.cast.map((person) => person.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(credits.cast[0]).toEqual({ id: 113, name: "Actor 13", gender: 1, character: "Role 13", order: 0 });
    expect(credits.crew.map((person) => person.job)).toEqual(["Director", "Screenplay"]);
  });

  it("takes TV's own keys and its keywords.results and content_ratings", () => {
    const record = pickFields("tv", "tt0098936", tv, DEFAULT_FIELDS);
    expect(record).toMatchObject({
      imdb_id: "tt0098936",
      id: 1399,
      name: "Twin Peaks",
      original_name: "Twin Peaks",
      first_air_date: "1990-04-08",
      episode_run_time: [47],
      keywords: [{ id: 5, name: "small town" }],
      certifications: [{ country: "US", certification: "TV-14" }],
    });
    // Movie-only fields are simply absent on TV, not null.
    expect(record).not.toHaveProperty("budget");
    expect(record).not.toHaveProperty("title");
    expect((record.credits as { crew: unknown[] }).crew).toEqual([
      { id: 9, name: "David Lynch", job: "Director", department: "Directing" },
    ]);
  });

  it("keeps only imdb_id and id plus what was asked, and survives missing appended parts", () => {
    expect(
      pickFields("movie", "tt1", { id: 7, title: "X", budget: 0 }, ["budget", "keywords", "credits"]),
    ).toEqual({
      imdb_id: "tt1",
      id: 7,
      budget: 0,
      keywords: [],
      credits: { cast: [], crew: [] },
    });
  });

  it("always carries imdb_id and id, and only known keys, whatever TMDB answers", () => {
    const allowed = new Set([
      "imdb_id",
      "id",
      "name",
      "original_name",
      "first_air_date",
      "episode_run_time",
      ...FIELD_NAMES,
    ]);
    fc.assert(
      fc.property(
        fc.constantFrom("movie" as const, "tv" as const),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.subarray([...FIELD_NAMES]),
        fc.integer({ min: 1 }),
        (kind, detail, fields, id) => {
          const record = pickFields(kind, "tt123", { ...detail, id }, fields);
          expect(record.imdb_id).toBe("tt123");
          expect(record.id).toBe(id);
          for (const key of Object.keys(record)) expect(allowed.has(key)).toBe(true);
        },
      ),
    );
  });

  it("reads TV and TMDB spellings of field names", () => {
    expect(canonicalField("name")).toBe("title");
    expect(canonicalField("first_air_date")).toBe("release_date");
    expect(canonicalField("content_ratings")).toBe("certifications");
    expect(canonicalField("budget")).toBe("budget");
    expect(canonicalField("Budget")).toBeUndefined();
  });
});
