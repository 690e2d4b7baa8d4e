import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserFileTmdbCredentials } from "../../../pipeline/service";
import { OfflineTmdbApi, offlineTitlesFromVegaDatasets } from "../../../pipeline/stages/tmdb/offline";
import { EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../helpers/example-aws-keys";
import { type FakeTmdb, startFakeTmdb } from "../../helpers/fake-tmdb";
import { type CliResult, lakebook } from "./run-cli";

/**
 * Credentials planted every way Lakebook reads them (AWS environment variables, a shared
 * credentials file in a temp HOME, TMDB's token and key, and the token kept by Settings in the
 * user-only file of the user's config folder), then the demo run headless and exported:
 * no file it wrote and nothing it printed may hold one of them. TMDB answers from a local stand-in
 * that accepts the planted secrets, so the run really sends them, and stays offline. A third project
 * on an aws target meets an S3 stand-in that refuses every call quoting the credentials back (as
 * some S3-compatible servers and proxies do): the failed cell's error, printed and kept in
 * `.lakebook/`, must not carry them either (the service's scrubbing, `pipeline/service/public-error.ts`).
 */

// Fake but shaped like the real thing, assembled at run time so the repository holds none.
const SESSION_TOKEN = ["FwoGZXIvYXdzEBYaD", "PLANTEDsessionTOKEN", "0123456789abcdefXYZ"].join("");
const PROFILE_KEY_ID = ["AKIA", "PLANTEDPROFILE01"].join("");
const PROFILE_SECRET = ["planted", "ProfileSecret", "0123456789abcdefghijklmn"].join("/");
const TMDB_TOKEN = ["eyJhbGciOiJIUzI1NiJ9", "PLANTEDreadACCESStoken", "abcdef0123456789"].join(".");
const TMDB_KEY = ["0123456789abcdef", "PLANTEDapiKEY"].join("");
const SECRETS = [
  EXAMPLE_KEY_ID,
  EXAMPLE_SECRET,
  SESSION_TOKEN,
  PROFILE_KEY_ID,
  PROFILE_SECRET,
  TMDB_TOKEN,
  TMDB_KEY,
];

const NOTEBOOK = "horror-subgenres.lakebook.md";
let dir: string;
let notebook: string;
let fake: FakeTmdb;
let s3: Server;
const printed: CliResult[] = [];
/** What TMDB received while the project whose token came from the user-only file ran. */
let sentWithKeptToken = "";
let awsCells: { id: string; status: string; summary?: string }[] = [];

/** An S3 stand-in that refuses everything, quoting the key id, the secret and the session token. */
async function echoingS3(): Promise<string> {
  s3 = createServer((request, response) => {
    // HEAD answers carry no body: "not there yet", so an ingest goes on to the upload that is refused.
    if (request.method === "HEAD") {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(403, { "Content-Type": "application/xml" });
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidAccessKeyId</Code>` +
        `<Message>Key ${EXAMPLE_KEY_ID} with secret ${EXAMPLE_SECRET} and token ${SESSION_TOKEN} is not valid</Message>` +
        `<RequestId>1</RequestId></Error>`,
    );
  });
  await new Promise<void>((resolve) => s3.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s3.address() as AddressInfo).port}`;
}

async function awsProject(): Promise<string> {
  const project = path.join(dir, "aws-project");
  await mkdir(path.join(project, "data"), { recursive: true });
  // The demo's own file, so the ingest gets past the validator to its first S3 call.
  await copyFile(path.join(dir, "demo", "data", "movies.csv"), path.join(project, "data", "movies.csv"));
  const file = path.join(project, "aws.lakebook.md");
  await writeFile(
    file,
    "---\nlakebook: 1\ntitle: On AWS\ntarget:\n  kind: aws\n  bucket: planted-bucket\n  region: eu-west-1\n---\n\n" +
      "```ingest {#ingest_movies}\ndataset: movies\nfile: data/movies.csv\ndate: 2026-11-25\n```\n",
  );
  return file;
}

async function plantedHome(): Promise<string> {
  const home = path.join(dir, "home");
  await mkdir(path.join(home, ".aws"), { recursive: true });
  await writeFile(
    path.join(home, ".aws", "credentials"),
    `[default]\naws_access_key_id = ${PROFILE_KEY_ID}\naws_secret_access_key = ${PROFILE_SECRET}\n\n` +
      `[planted]\naws_access_key_id = ${PROFILE_KEY_ID}\naws_secret_access_key = ${PROFILE_SECRET}\n`,
  );
  await writeFile(
    path.join(home, ".aws", "config"),
    "[default]\nregion = eu-west-1\n[profile planted]\nregion = eu-west-1\n",
  );
  return home;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-secrets-"));
  notebook = path.join(dir, "demo", NOTEBOOK);
  const api = new OfflineTmdbApi(await offlineTitlesFromVegaDatasets());
  fake = await startFakeTmdb({
    handler: (method, pathAndQuery) => api.answer(method, pathAndQuery),
    apiKey: TMDB_KEY,
    readAccessToken: TMDB_TOKEN,
  });
  const home = await plantedHome();
  const env = {
    HOME: home,
    USERPROFILE: home,
    TMDB_API_BASE: fake.baseUrl,
    AWS_ACCESS_KEY_ID: EXAMPLE_KEY_ID,
    AWS_SECRET_ACCESS_KEY: EXAMPLE_SECRET,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_REGION: "eu-west-1",
    TMDB_READ_ACCESS_TOKEN: TMDB_TOKEN,
    TMDB_API_KEY: TMDB_KEY,
  };
  // The token wins over the key: a second project runs with the key alone, and AWS from the
  // shared file's profile instead of the environment.
  const keyOnly = {
    HOME: home,
    USERPROFILE: home,
    AWS_PROFILE: "planted",
    TMDB_API_BASE: fake.baseUrl,
    TMDB_API_KEY: TMDB_KEY,
  };
  // A third project with no TMDB variable at all: the token Settings kept in the user-only file
  // (~/.config/lakebook/credentials) is what the TMDB cell sends.
  const config = path.join(dir, "config", "lakebook");
  await new UserFileTmdbCredentials(config).save("readAccessToken", TMDB_TOKEN);
  const keptOnly = {
    HOME: home,
    USERPROFILE: home,
    AWS_PROFILE: "planted",
    TMDB_API_BASE: fake.baseUrl,
    LAKEBOOK_CONFIG_DIR: config,
  };
  for (const [name, vars] of [
    ["demo", env],
    ["demo-key", keyOnly],
    ["demo-kept", keptOnly],
  ] as const) {
    const before = fake.received.length;
    const demo = await lakebook(["demo", name], dir, vars);
    expect(demo.code).toBe(0);
    printed.push(demo);
    const file = path.join(dir, name, NOTEBOOK);
    let text = await readFile(file, "utf8");
    // The same requests with the same credentials, without the pacing: TMDB's rate limit (40 a
    // second) protects TMDB, not the stand-in, and waiting on it was most of this file's time.
    const paced = text.replace(
      "```tmdb {#tmdb_enrich}\n",
      "```tmdb {#tmdb_enrich}\nrequestsPerSecond: 1000\n",
    );
    expect(paced).not.toBe(text);
    text = paced;
    // Only the token's way matters for demo-kept: the demo up to its TMDB cell (ingest, SQL, TMDB).
    if (name === "demo-kept") text = text.slice(0, text.indexOf("```transform"));
    await writeFile(file, text);
    const run = await lakebook(["run", path.join(dir, name, NOTEBOOK), "--json"], dir, vars);
    printed.push(run);
    const cells = JSON.parse(run.stdout).cells as { id: string; status: string }[];
    expect(cells.filter((cell) => cell.status !== "ok")).toEqual([]);
    if (name === "demo-kept") {
      sentWithKeptToken = fake.received
        .slice(before)
        .map((request) => `${request.url} ${request.authorization ?? ""}`)
        .join("\n");
    }
  }
  // An AWS call that fails quoting the credentials back.
  const onAws = await lakebook(["run", await awsProject(), "--json"], dir, {
    ...env,
    AWS_ENDPOINT_URL_S3: await echoingS3(),
  });
  printed.push(onAws);
  awsCells = JSON.parse(onAws.stdout).cells;
  // An error path: a cell that is not there.
  printed.push(await lakebook(["run", notebook, "--cell", "no_such_cell"], dir, env));
  const exported = await lakebook(["export", notebook, "--html", path.join(dir, "dashboard.html")], dir, env);
  expect(exported.code).toBe(0);
  printed.push(exported);
}, 600_000);

afterAll(async () => {
  await fake?.stop();
  await new Promise((resolve) => (s3 ? s3.close(resolve) : resolve(undefined)));
  await rm(dir, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function planted(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

describe("planted credentials after a headless demo run and an export", () => {
  it("were really used: TMDB received the token and the key", () => {
    const sent = fake.received.map((request) => `${request.url} ${request.authorization ?? ""}`).join("\n");
    expect(sent).toContain(TMDB_TOKEN);
    expect(sent).toContain(TMDB_KEY);
    // The project without TMDB variables sent the token kept in the user-only file.
    expect(sentWithKeptToken).toContain(`Bearer ${TMDB_TOKEN}`);
  });

  it("were quoted back by the S3 stand-in: the aws project's cell failed on it", () => {
    expect(awsCells).toMatchObject([{ id: "ingest_movies", status: "error" }]);
    expect(awsCells[0]?.summary).toMatch(/S3/);
  });

  it("are in no file of any project: notebook, .lakebook/, the lake, data/, the export", async () => {
    const files = [
      ...(await filesUnder(path.join(dir, "demo"))),
      ...(await filesUnder(path.join(dir, "demo-key"))),
      ...(await filesUnder(path.join(dir, "demo-kept"))),
      ...(await filesUnder(path.join(dir, "aws-project"))),
      path.join(dir, "dashboard.html"),
    ];
    expect(files.some((file) => file.includes(`${path.sep}.lakebook${path.sep}`))).toBe(true);
    expect(files.some((file) => file.includes(`${path.sep}.lake${path.sep}`))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      const text = (await readFile(file)).toString("latin1");
      for (const secret of planted(text)) leaks.push(`${path.relative(dir, file)}: ${secret.slice(0, 6)}…`);
    }
    expect(leaks).toEqual([]);
  });

  it("are in nothing the CLI printed", () => {
    for (const result of printed) {
      expect(planted(result.stdout)).toEqual([]);
      expect(planted(result.stderr)).toEqual([]);
    }
  });
});
