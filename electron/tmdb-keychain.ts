import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TmdbCredentialKind } from "../pipeline/contract";
import type { TmdbCredentialStore } from "../pipeline/service";

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
export type { TmdbCredentialKind };

const ENV_NAME: Record<TmdbCredentialKind, string> = {
  readAccessToken: "TMDB_READ_ACCESS_TOKEN",
  apiKey: "TMDB_API_KEY",
};

/**
 * The desktop app's TMDB credential: kept encrypted by the OS keychain in the app's user-data
 * folder — never in a notebook, a log or the lake. It is the desktop's `TmdbCredentialStore`: the
 * settings' TMDB field saves and removes it through the service, and the TMDB cell reads it when no
 * TMDB variable is set in the environment (the environment wins).
 */
export class TmdbKeychain implements TmdbCredentialStore {
  readonly where = "keychain" as const;
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
}
