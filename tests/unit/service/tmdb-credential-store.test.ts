import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDispatcher,
  createRouter,
  tmdbCredentialStatus,
  UserFileTmdbCredentials,
  userConfigDir,
  type Workspace,
} from "../../../pipeline/service";
import { credentialIn } from "../../../pipeline/service/tmdb-credential-store";
import { tmdbCredentials } from "../../../pipeline/stages/tmdb/client";

const TOKEN = "eyJ-user-file-test-token-not-real-4567";
const posix = process.platform !== "win32";
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-config-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe("the TMDB token's user-only file (browser and lakebook serve)", () => {
  it.skipIf(!posix)(
    "writes <config>/lakebook/credentials readable by the user only, in a 0700 folder",
    async () => {
      const config = path.join(dir, "lakebook");
      const store = new UserFileTmdbCredentials(config);
      await store.save("readAccessToken", `  ${TOKEN}\n`);
      expect(store.file).toBe(path.join(config, "credentials"));
      expect(await modeOf(store.file)).toBe(0o600);
      expect(await modeOf(config)).toBe(0o700);
      expect(await readFile(store.file, "utf8")).toContain(`[tmdb]\ntmdb_read_access_token = ${TOKEN}\n`);
      expect(await store.load()).toEqual({ kind: "readAccessToken", value: TOKEN });
    },
  );

  it.skipIf(!posix)(
    "narrows a file that was left readable by others back to 0600 when it saves",
    async () => {
      const store = new UserFileTmdbCredentials(dir);
      await writeFile(store.file, "[tmdb]\ntmdb_api_key = old\n");
      await chmod(store.file, 0o644);
      await store.save("apiKey", "new-key");
      expect(await modeOf(store.file)).toBe(0o600);
      expect(await store.load()).toEqual({ kind: "apiKey", value: "new-key" });
    },
  );

  it("forgets on request, and reads a missing or foreign file as nothing kept", async () => {
    const store = new UserFileTmdbCredentials(dir);
    expect(await store.load()).toBeUndefined();
    await store.save("apiKey", "abc123");
    await store.forget();
    expect(await store.load()).toBeUndefined();
    expect(credentialIn("[default]\ntmdb_api_key = not-ours\n")).toBeUndefined();
    expect(credentialIn("[tmdb]\ntmdb_api_key = k\ntmdb_read_access_token = t\n")).toEqual({
      kind: "readAccessToken",
      value: "t",
    });
  });

  it("lives in the user's config folder, like ~/.aws/credentials", () => {
    const home = path.join(dir, "home");
    expect(userConfigDir({ LAKEBOOK_CONFIG_DIR: path.join(dir, "x") }, home)).toBe(path.join(dir, "x"));
    if (process.platform === "win32") return;
    expect(userConfigDir({}, home)).toBe(path.join(home, ".config", "lakebook"));
    expect(userConfigDir({ XDG_CONFIG_HOME: path.join(dir, "xdg") }, home)).toBe(
      path.join(dir, "xdg", "lakebook"),
    );
    // A relative XDG_CONFIG_HOME is invalid by the spec: ignored.
    expect(userConfigDir({ XDG_CONFIG_HOME: "rel" }, home)).toBe(path.join(home, ".config", "lakebook"));
  });

  it("is what the TMDB cell uses when no TMDB variable is set; a variable wins", async () => {
    const store = new UserFileTmdbCredentials(dir);
    await store.save("readAccessToken", TOKEN);
    expect(await tmdbCredentials(() => store.load(), {})).toEqual({ readAccessToken: TOKEN });
    expect(await tmdbCredentials(() => store.load(), { TMDB_API_KEY: "env" })).toEqual({ apiKey: "env" });
    expect(await tmdbCredentialStatus(store, { TMDB_API_KEY: "env" })).toEqual({
      stored: true,
      kind: "readAccessToken",
      where: "userFile",
      environment: "TMDB_API_KEY",
    });
  });
});

describe("the TMDB token through the service", () => {
  /** Only what the tmdbCredential.* methods touch: no notebook, no lake. */
  const workspaceWith = (store: UserFileTmdbCredentials) =>
    ({ notebookPath: null, notebook: null, tmdbCredentials: store }) as unknown as Workspace;

  it("saves, tells set / not set, removes, and never answers the token back", async () => {
    const store = new UserFileTmdbCredentials(dir);
    const dispatcher = createDispatcher(createRouter(workspaceWith(store)));
    const replies = [
      await dispatcher.call("tmdbCredential.status", {}),
      await dispatcher.call("tmdbCredential.save", { kind: "readAccessToken", value: ` ${TOKEN} ` }),
      await dispatcher.call("tmdbCredential.status", {}),
    ];
    expect(replies[0]).toMatchObject({ ok: true, result: { stored: false, where: "userFile" } });
    expect(replies[1]).toMatchObject({ ok: true, result: { stored: true, kind: "readAccessToken" } });
    expect(await store.load()).toEqual({ kind: "readAccessToken", value: TOKEN });
    // Refused values: the error names the rule, never the value.
    const refused = await dispatcher.call("tmdbCredential.save", {
      kind: "apiKey",
      value: `${TOKEN} and more`,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS" } });
    replies.push(refused, await dispatcher.call("tmdbCredential.remove", {}));
    expect(replies.at(-1)).toMatchObject({ ok: true, result: { stored: false } });
    expect(await store.load()).toBeUndefined();
    for (const reply of replies) expect(JSON.stringify(reply)).not.toContain(TOKEN);
  });

  it("says the token was not saved, without echoing it, when the folder cannot be written", async () => {
    const blocked = path.join(dir, "a-file");
    await writeFile(blocked, "not a folder");
    const dispatcher = createDispatcher(createRouter(workspaceWith(new UserFileTmdbCredentials(blocked))));
    const reply = await dispatcher.call("tmdbCredential.save", { kind: "apiKey", value: TOKEN });
    expect(reply).toMatchObject({ ok: false, error: { code: "TMDB_CREDENTIAL_NOT_SAVED" } });
    expect(JSON.stringify(reply)).not.toContain(TOKEN);
  });
});
