import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { LakebookError, type TmdbCredentialKind, type TmdbCredentialStatus } from "../contract";

/** A kept TMDB credential, as the TMDB stage reads it. */
export interface StoredTmdbCredential {
  kind: TmdbCredentialKind;
  value: string;
}

/**
 * Where the user's TMDB credential is kept outside every notebook: the desktop app's OS keychain
 * (`electron/tmdb-keychain.ts`) or the user-only file below. Nothing here ever hands the value to
 * a reply: the router answers `status` only.
 */
export interface TmdbCredentialStore {
  readonly where: TmdbCredentialStatus["where"];
  save(kind: TmdbCredentialKind, value: string): Promise<void>;
  load(): Promise<StoredTmdbCredential | undefined>;
  forget(): Promise<void>;
}

const ENV_OF: Record<TmdbCredentialKind, "TMDB_READ_ACCESS_TOKEN" | "TMDB_API_KEY"> = {
  readAccessToken: "TMDB_READ_ACCESS_TOKEN",
  apiKey: "TMDB_API_KEY",
};
const KEY_OF: Record<TmdbCredentialKind, string> = {
  readAccessToken: "tmdb_read_access_token",
  apiKey: "tmdb_api_key",
};

/**
 * The user's config folder for Lakebook: `LAKEBOOK_CONFIG_DIR` when set (tests, portable installs),
 * else `%APPDATA%\lakebook` on Windows, else `$XDG_CONFIG_HOME/lakebook` or `~/.config/lakebook`.
 */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.LAKEBOOK_CONFIG_DIR) return path.resolve(env.LAKEBOOK_CONFIG_DIR);
  if (process.platform === "win32" && env.APPDATA) return path.join(env.APPDATA, "lakebook");
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(home, ".config");
  return path.join(base, "lakebook");
}

/**
 * The browser's and `lakebook serve`'s TMDB credential: `<config>/credentials`, an INI file like
 * `~/.aws/credentials`, readable and writable by the user only (0600, in a 0700 folder). Written
 * whole to a temp file created 0600 and renamed over, so no moment exists where the token sits in
 * a file others may read, and a crash leaves the old file or the new one.
 */
export class UserFileTmdbCredentials implements TmdbCredentialStore {
  readonly where = "userFile" as const;
  readonly file: string;

  constructor(configDir: string = userConfigDir()) {
    this.file = path.join(configDir, "credentials");
  }

  async save(kind: TmdbCredentialKind, value: string): Promise<void> {
    const trimmed = value.trim();
    if (trimmed === "" || /[\s]/.test(trimmed))
      throw new Error("The TMDB credential is empty or has spaces.");
    const folder = path.dirname(this.file);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = path.join(folder, `.credentials-${process.pid}-${Date.now()}.tmp`);
    const text = `# Lakebook's TMDB credential. Keep this file private (mode 600); never commit it.\n[tmdb]\n${KEY_OF[kind]} = ${trimmed}\n`;
    try {
      await writeFile(temp, text, { mode: 0o600, flag: "wx" });
      await rename(temp, this.file);
    } finally {
      await rm(temp, { force: true });
    }
    // A file that existed with a wider mode keeps the new inode's 0600 after the rename; chmod says it twice.
    await chmod(this.file, 0o600).catch(() => undefined);
  }

  async load(): Promise<StoredTmdbCredential | undefined> {
    const text = await readFile(this.file, "utf8").catch(() => undefined);
    return text === undefined ? undefined : credentialIn(text);
  }

  async forget(): Promise<void> {
    await rm(this.file, { force: true });
  }
}

/** The `[tmdb]` section's credential; the read access token first, as the environment's rule. */
export function credentialIn(text: string): StoredTmdbCredential | undefined {
  let section = "";
  const found: Partial<Record<TmdbCredentialKind, string>> = {};
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(line)?.[1];
    if (header) {
      section = header;
      continue;
    }
    const pair = /^\s*([A-Za-z_]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (section !== "tmdb" || !pair) continue;
    for (const kind of ["readAccessToken", "apiKey"] as const) {
      if (pair[1] === KEY_OF[kind]) found[kind] = pair[2];
    }
  }
  if (found.readAccessToken) return { kind: "readAccessToken", value: found.readAccessToken };
  if (found.apiKey) return { kind: "apiKey", value: found.apiKey };
  return undefined;
}

/** What the UI may know: whether one is kept, of which kind, where, and whether the environment wins. */
export async function tmdbCredentialStatus(
  store: TmdbCredentialStore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TmdbCredentialStatus> {
  const stored = await store.load().catch(() => undefined);
  const environment = env.TMDB_READ_ACCESS_TOKEN?.trim()
    ? ENV_OF.readAccessToken
    : env.TMDB_API_KEY?.trim()
      ? ENV_OF.apiKey
      : undefined;
  return {
    stored: stored !== undefined,
    ...(stored ? { kind: stored.kind } : {}),
    where: store.where,
    ...(environment ? { environment } : {}),
  };
}

/**
 * Saves through the store; a store's failure (no keychain, a read-only home) is reported in words
 * of its own, since the store's message could in principle carry what it was given.
 */
export async function saveTmdbCredential(
  store: TmdbCredentialStore,
  kind: TmdbCredentialKind,
  value: string,
): Promise<void> {
  try {
    await store.save(kind, value);
  } catch (error) {
    const keychain = store.where === "keychain";
    throw new LakebookError(
      "TMDB_CREDENTIAL_NOT_SAVED",
      keychain
        ? "The OS keychain is not available, so the TMDB token was not saved."
        : "The TMDB token could not be saved in your config folder.",
      {
        hint: keychain
          ? `Set ${ENV_OF[kind]} in the environment Lakebook starts in instead.`
          : `Check that ${(error as NodeJS.ErrnoException).code === "EACCES" ? "your config folder is writable" : "your config folder exists and is writable"}, or set ${ENV_OF[kind]} in the environment instead.`,
      },
    );
  }
}
