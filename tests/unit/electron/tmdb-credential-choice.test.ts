import { describe, expect, it } from "vitest";
import { chooseTmdbCredentialStore, type KeychainProbe } from "../../../electron/tmdb-credential-choice";
import type { TmdbCredentialStore } from "../../../pipeline/service";

const keychain = { where: "keychain" } as TmdbCredentialStore;
const userFile = { where: "userFile" } as TmdbCredentialStore;
const choose = (probe: KeychainProbe, platform: NodeJS.Platform) =>
  chooseTmdbCredentialStore(
    probe,
    () => keychain,
    () => userFile,
    platform,
  ).where;

describe("where the desktop keeps the TMDB token", () => {
  it("uses the OS keychain where it seals the token (macOS Keychain, Windows DPAPI, a Linux secret service)", () => {
    expect(choose({ isEncryptionAvailable: () => true }, "darwin")).toBe("keychain");
    expect(choose({ isEncryptionAvailable: () => true }, "win32")).toBe("keychain");
    const libsecret = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => "gnome_libsecret",
    };
    expect(choose(libsecret, "linux")).toBe("keychain");
  });

  it("falls back to the user-only file when no keychain is available, instead of refusing", () => {
    expect(choose({ isEncryptionAvailable: () => false }, "linux")).toBe("userFile");
    expect(choose({ isEncryptionAvailable: () => false }, "darwin")).toBe("userFile");
  });

  it("does not take Chromium's built-in key on Linux (basic_text) for a keychain", () => {
    const basic = { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => "basic_text" };
    expect(choose(basic, "linux")).toBe("userFile");
  });
});
