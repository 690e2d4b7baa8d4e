/**
 * TMDB credentials and the one rule about them: they are attached to the request at the moment it
 * is sent and nowhere else. Every URL the client reports (events, messages, cache keys) is built
 * without them, and `redactUrl` strips any that a caller slipped into a query.
 */
export type TmdbCredentials = { apiKey: string } | { readAccessToken: string };

/** `TMDB_READ_ACCESS_TOKEN` (v4, sent as Bearer) is preferred; else `TMDB_API_KEY` (v3, `api_key`). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): TmdbCredentials | undefined {
  const token = env.TMDB_READ_ACCESS_TOKEN?.trim();
  if (token) return { readAccessToken: token };
  const apiKey = env.TMDB_API_KEY?.trim();
  if (apiKey) return { apiKey };
  return undefined;
}

/**
 * The credential to use: a TMDB variable in the environment wins (as the AWS CLI's variables win
 * over its files); else the one the user kept outside the notebook (keychain or user-only file).
 */
export async function tmdbCredentials(
  stored: (() => Promise<{ kind: "readAccessToken" | "apiKey"; value: string } | undefined>) | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TmdbCredentials | undefined> {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv) return fromEnv;
  // An unreadable keychain or file is as if nothing were kept: the offline sample says so.
  const kept = await stored?.().catch(() => undefined);
  if (!kept?.value.trim()) return undefined;
  return kept.kind === "readAccessToken"
    ? { readAccessToken: kept.value.trim() }
    : { apiKey: kept.value.trim() };
}

/** Query parameters that carry a secret; never reported, never part of a cache key. */
const SECRET_PARAMS = ["api_key", "access_token"];

/** The URL with every secret query parameter removed (unparseable input is withheld whole). */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return "<unparseable url>";
  }
  for (const name of SECRET_PARAMS) parsed.searchParams.delete(name);
  parsed.username = "";
  parsed.password = "";
  return parsed.toString();
}

/** The URL and headers actually sent: the credential goes in here and only here. */
export function authorize(
  url: URL,
  credentials: TmdbCredentials,
): { url: URL; headers: Record<string, string> } {
  const headers: Record<string, string> = { accept: "application/json" };
  const sent = new URL(url);
  if ("readAccessToken" in credentials) headers.authorization = `Bearer ${credentials.readAccessToken}`;
  else sent.searchParams.set("api_key", credentials.apiKey);
  return { url: sent, headers };
}

/**
 * Belt and braces for text we did not write (a network error's message): any occurrence of the
 * secret itself is replaced, whatever the surrounding text.
 */
export function scrubSecret(text: string, credentials: TmdbCredentials): string {
  const secret = "readAccessToken" in credentials ? credentials.readAccessToken : credentials.apiKey;
  return secret ? text.split(secret).join("***") : text;
}
