import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Electron's `safeStorage` as the shell uses it: strings encrypted with a key the OS keychain holds
 * (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux).
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Which TMDB credential it is: the v4 read access token (Bearer) or the v3 api key (query). */
export type TmdbCredentialKind = "readAccessToken" | "apiKey";

const ENV_NAME: Record<TmdbCredentialKind, string> = {
  readAccessToken: "TMDB_READ_ACCESS_TOKEN",
  apiKey: "TMDB_API_KEY",
};

/**
 * The desktop app's TMDB credential: kept encrypted by the OS keychain in the app's user-data
 * folder — never in a notebook, a log or the lake. At start the shell puts it in the environment
 * variable the TMDB cell reads, unless the variable is already set (the environment wins).
 */
export class TmdbKeychain {
  private readonly file: string;

  constructor(
    private readonly storage: SafeStorageLike,
    userDataDir: string,
  ) {
    this.file = path.join(userDataDir, "tmdb-credential.bin");
  }

  async save(kind: TmdbCredentialKind, value: string): Promise<void> {
    if (!this.storage.isEncryptionAvailable()) {
      // Writing it in the clear would be worse than asking again: refuse, and say where to put it.
      throw new Error(
        `The OS keychain is not available, so the TMDB credential was not stored. Set ${ENV_NAME[kind]} in the environment instead.`,
      );
    }
    const trimmed = value.trim();
    if (trimmed === "") throw new Error("The TMDB credential is empty.");
    await mkdir(path.dirname(this.file), { recursive: true });
    const sealed = this.storage.encryptString(JSON.stringify({ kind, value: trimmed }));
    await writeFile(this.file, sealed, { mode: 0o600 });
  }

  async load(): Promise<{ kind: TmdbCredentialKind; value: string } | undefined> {
    let sealed: Buffer;
    try {
      sealed = await readFile(this.file);
    } catch {
      return undefined;
    }
    if (!this.storage.isEncryptionAvailable()) return undefined;
    try {
      const parsed = JSON.parse(this.storage.decryptString(sealed)) as { kind?: unknown; value?: unknown };
      if (
        (parsed.kind === "readAccessToken" || parsed.kind === "apiKey") &&
        typeof parsed.value === "string"
      ) {
        return { kind: parsed.kind, value: parsed.value };
      }
    } catch {
      // Sealed by another user or machine: as if nothing were stored.
    }
    return undefined;
  }

  async forget(): Promise<void> {
    await rm(this.file, { force: true });
  }

  /** Sets the TMDB variable from the keychain when the environment has neither; says which it set. */
  async exportTo(env: NodeJS.ProcessEnv): Promise<string | undefined> {
    if (env.TMDB_READ_ACCESS_TOKEN || env.TMDB_API_KEY) return undefined;
    const stored = await this.load();
    if (!stored) return undefined;
    env[ENV_NAME[stored.kind]] = stored.value;
    return ENV_NAME[stored.kind];
  }
}
