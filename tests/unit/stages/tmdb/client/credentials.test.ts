import { describe, expect, it } from "vitest";
import {
  authorize,
  credentialsFromEnv,
  redactUrl,
  scrubSecret,
} from "../../../../../pipeline/stages/tmdb/client/credentials";

describe("credentialsFromEnv", () => {
  it("prefers the read access token, then the api key, else none", () => {
    expect(credentialsFromEnv({ TMDB_READ_ACCESS_TOKEN: "tok", TMDB_API_KEY: "key" })).toEqual({
      readAccessToken: "tok",
    });
    expect(credentialsFromEnv({ TMDB_API_KEY: " key " })).toEqual({ apiKey: "key" });
    expect(credentialsFromEnv({ TMDB_API_KEY: "  ", TMDB_READ_ACCESS_TOKEN: "" })).toBeUndefined();
    expect(credentialsFromEnv({})).toBeUndefined();
  });
});

describe("redactUrl", () => {
  it("strips api_key, access_token and user info, keeping the rest", () => {
    const url =
      "https://me:pw@api.themoviedb.org/3/find/tt1?api_key=SECRET&external_source=imdb_id&access_token=T";
    const redacted = redactUrl(url);
    expect(redacted).toBe("https://api.themoviedb.org/3/find/tt1?external_source=imdb_id");
    expect(redacted).not.toMatch(/SECRET|pw|access_token/);
  });
  it("withholds an unparseable URL whole", () => {
    expect(redactUrl("not a url api_key=SECRET")).toBe("<unparseable url>");
  });
});

describe("authorize", () => {
  it("puts a v3 key in the query and a v4 token in the header, never both", () => {
    const base = new URL("https://api.themoviedb.org/3/genre/movie/list");
    const byKey = authorize(base, { apiKey: "K" });
    expect(byKey.url.searchParams.get("api_key")).toBe("K");
    expect(byKey.headers.authorization).toBeUndefined();
    expect(base.searchParams.has("api_key")).toBe(false);
    const byToken = authorize(base, { readAccessToken: "T" });
    expect(byToken.headers.authorization).toBe("Bearer T");
    expect(byToken.url.searchParams.has("api_key")).toBe(false);
  });
});

describe("scrubSecret", () => {
  it("replaces the secret wherever it appears", () => {
    expect(scrubSecret("connect failed ?api_key=abc123 abc123", { apiKey: "abc123" })).toBe(
      "connect failed ?api_key=*** ***",
    );
  });
});
