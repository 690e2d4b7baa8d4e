import type { TmdbCredentialStore } from "../pipeline/service";
import type { SafeStorageLike } from "./tmdb-keychain";

/** What the shell can ask of `safeStorage` to choose where the TMDB token is kept. */
export interface KeychainProbe extends Pick<SafeStorageLike, "isEncryptionAvailable"> {
  /** Linux only (Electron's type): `basic_text` means no secret service, a key built into Chromium. */
  getSelectedStorageBackend?: () => string;
}

/**
 * Where the desktop keeps the TMDB token: the OS keychain when it really seals it, else the same
 * user-only file `lakebook serve` uses (0600, like `~/.aws/credentials`). A Linux desktop without a
 * secret service (no GNOME keyring or KWallet) reports `basic_text`: Chromium then "encrypts" with
 * a key built into every copy of it, no better than the user-only file and harder to inspect, so
 * the file is the honest choice there; and without any keychain, refusing to keep the token at all
 * would leave only environment variables, which students then paste into notebooks.
 * Call after the app's `ready`: on Linux, availability is only known then.
 */
export function chooseTmdbCredentialStore(
  probe: KeychainProbe,
  keychain: () => TmdbCredentialStore,
  userFile: () => TmdbCredentialStore,
  platform: NodeJS.Platform = process.platform,
): TmdbCredentialStore {
  if (!probe.isEncryptionAvailable()) return userFile();
  if (platform === "linux" && probe.getSelectedStorageBackend?.() === "basic_text") return userFile();
  return keychain();
}
