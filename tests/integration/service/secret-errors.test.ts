import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceEvent } from "../../../pipeline/contract";
import { MOVIES_COLUMNS } from "../../../pipeline/lake";
import {
  createDispatcher,
  createRouter,
  openWorkspace,
  runCell,
  type Workspace,
} from "../../../pipeline/service";
import { EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../helpers/example-aws-keys";

/**
 * A failing AWS call whose error quotes the caller's credentials back (as S3-compatible servers and
 * some SDK errors do) must reach a client without them: end to end through a real workspace on an
 * aws target, its S3 client, the router and the dispatcher.
 */
const SESSION_TOKEN = ["FwoGZXIvYXdzEBYaD", "PLANTEDsessionTOKEN", "0123456789abcdefXYZ"].join("");
const SECRETS = [EXAMPLE_KEY_ID, EXAMPLE_SECRET, SESSION_TOKEN];
const PLANTED_ENV = {
  AWS_ACCESS_KEY_ID: EXAMPLE_KEY_ID,
  AWS_SECRET_ACCESS_KEY: EXAMPLE_SECRET,
  AWS_SESSION_TOKEN: SESSION_TOKEN,
  AWS_REGION: "us-east-1",
};

let dir: string;
let server: Server;
let workspace: Workspace;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  // An S3 stand-in that refuses everything, quoting the key id, the secret and the token.
  server = createServer((request, response) => {
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
        `<AWSAccessKeyId>${EXAMPLE_KEY_ID}</AWSAccessKeyId><RequestId>1</RequestId></Error>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [name, value] of Object.entries({ ...PLANTED_ENV, AWS_ENDPOINT_URL_S3: endpoint })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-secret-errors-"));
  // A real movies.csv, so the ingest gets past the validator to the S3 calls.
  const row =
    "tt0078748|Alien|Alien|1979|117|Horror,Sci-Fi|8.5|900000|actress|Ripley|Sigourney Weaver|1949|\\N|actress|tt0078748";
  await writeFile(path.join(dir, "data.csv"), `${MOVIES_COLUMNS.join("|")}\n${row}\n`);
  const notebook = path.join(dir, "aws.lakebook.md");
  await writeFile(
    notebook,
    "---\nlakebook: 1\ntitle: On AWS\ntarget:\n  kind: aws\n  bucket: planted-bucket\n  region: us-east-1\n---\n\n" +
      "```ingest {#ingest_movies}\ndataset: movies\nfile: data.csv\ndate: 2026-11-25\n```\n",
  );
  workspace = await openWorkspace({ notebookPath: notebook });
});

afterAll(async () => {
  await workspace?.close();
  await new Promise((resolve) => server?.close(resolve));
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await rm(dir, { recursive: true, force: true });
});

const leaked = (value: unknown) => SECRETS.filter((secret) => JSON.stringify(value).includes(secret));

describe("an AWS call that fails quoting the credentials", () => {
  it("answers a call with an error that names none of them", async () => {
    const dispatcher = createDispatcher(createRouter(workspace));
    const reply = await dispatcher.call("lake.list", { prefix: "" });
    expect(reply.ok).toBe(false);
    expect(leaked(reply)).toEqual([]);
  });

  it("reports a failed cell, in its events, without them", async () => {
    const dispatcher = createDispatcher(createRouter(workspace));
    const events: ServiceEvent[] = [];
    const finished = new Promise<void>((resolve) => {
      const stop = dispatcher.subscribe((event) => {
        events.push(event);
        if (event.type === "run.finished") {
          stop();
          resolve();
        }
      });
    });
    const reply = await dispatcher.call("cell.run", { cellId: "ingest_movies" });
    expect(leaked(reply)).toEqual([]);
    await finished;
    expect(events.length).toBeGreaterThan(0);
    expect(leaked(events)).toEqual([]);
  }, 60_000);

  it("reports a failed cell run without the service (the CLI's way, kept in .lakebook/) without them", async () => {
    const cell = workspace.notebook?.cells.find((c) => c.id === "ingest_movies");
    if (!cell) throw new Error("no ingest cell");
    const events: ServiceEvent[] = [];
    const result = await runCell(workspace, cell, {
      runId: "cli",
      signal: new AbortController().signal,
      emit: (event) => events.push(event),
    });
    expect(result.status).toBe("error");
    expect(leaked(result)).toEqual([]);
    expect(leaked(events)).toEqual([]);
  }, 60_000);
});
