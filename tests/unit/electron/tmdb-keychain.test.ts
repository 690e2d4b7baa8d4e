import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SafeStorageLike, TmdbKeychain } from "../../../electron/tmdb-keychain";
import { tmdbCredentials } from "../../../pipeline/stages/tmdb/client";

/** A stand-in for Electron's safeStorage: a reversible scramble, and a switch for "no keychain". */
function fakeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(Buffer.from(plain).map((byte) => byte ^ 0x5a)),
    decryptString: (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString(),
  };
}

const TOKEN = "eyJ-keychain-test-token-not-real-0123";
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-keychain-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the desktop app's TMDB keychain", () => {
  it("stores the credential sealed (never in the clear) and hands it to the TMDB cell", async () => {
    const keychain = new TmdbKeychain(fakeStorage(), dir);
    await keychain.save("readAccessToken", `  ${TOKEN}\n`);
    const onDisk = await readFile(path.join(dir, "tmdb-credential.bin"));
    expect(onDisk.toString("latin1")).not.toContain(TOKEN);
    // The TMDB cell reads it when the environment has no TMDB variable.
    expect(await tmdbCredentials(() => keychain.load(), {})).toEqual({ readAccessToken: TOKEN });
  });

  it("lets a credential already in the environment win", async () => {
    const keychain = new TmdbKeychain(fakeStorage(), dir);
    await keychain.save("apiKey", "abc123");
    const env: NodeJS.ProcessEnv = { TMDB_API_KEY: "from-env" };
    expect(await tmdbCredentials(() => keychain.load(), env)).toEqual({ apiKey: "from-env" });
    expect(env).toEqual({ TMDB_API_KEY: "from-env" });
  });

  it("refuses to store without an OS keychain, and forgets on request", async () => {
    await expect(new TmdbKeychain(fakeStorage(false), dir).save("apiKey", "abc")).rejects.toThrow(
      /keychain is not available.*TMDB_API_KEY/,
    );
    const keychain = new TmdbKeychain(fakeStorage(), dir);
    await keychain.save("apiKey", "abc");
    await keychain.forget();
    expect(await keychain.load()).toBeUndefined();
  });

  it("reads a file sealed elsewhere as nothing stored", async () => {
    await new TmdbKeychain(fakeStorage(), dir).save("apiKey", "abc");
    const other: SafeStorageLike = { ...fakeStorage(), decryptString: () => "not json" };
    expect(await new TmdbKeychain(other, dir).load()).toBeUndefined();
  });
});
