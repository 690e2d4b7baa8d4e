import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRouter,
  type HttpHost,
  openWorkspace,
  startHttpHost,
  statusPage,
  type Workspace,
} from "../../../pipeline/service";
import { rawRequest, upgradeStatus } from "./raw-http";

/**
 * Request targets Node's parser lets through but that are no URL (`/\`: a host-less `//`), found by
 * fuzzing the host (tests/fuzz/service/): a 400, not a 500, and on the socket upgrade not an
 * uncaught exception that stops the service.
 */
let dir: string;
let workspace: Workspace;
let host: HttpHost;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-malformed-"));
  await writeFile(path.join(dir, "nb.lakebook.md"), "---\nlakebook: 1\n---\n");
  workspace = await openWorkspace({ notebookPath: path.join(dir, "nb.lakebook.md") });
  host = await startHttpHost(createRouter(workspace), { page: async () => statusPage(workspace) });
});
afterAll(async () => {
  await host?.close();
  await workspace?.close();
  await rm(dir, { recursive: true, force: true });
});

const headers = () => ({ Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` });

describe("a request target that is not a URL", () => {
  it("is a 400 with the error shape", async () => {
    const answer = await rawRequest(host.port, { path: "/\\", headers: headers() });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('"code":"BAD_REQUEST"');
  });

  it("on the /events upgrade is a 400, and the service keeps serving", async () => {
    expect(await upgradeStatus(host.port, "/\\", headers())).toBe(400);
    const answer = await rawRequest(host.port, {
      method: "POST",
      path: "/rpc/service.info",
      headers: headers(),
      body: "{}",
    });
    expect(answer.status).toBe(200);
  });
});
