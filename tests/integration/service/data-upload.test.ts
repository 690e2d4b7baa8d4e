import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataFileUploadSchema } from "../../../pipeline/contract";
import {
  createRouter,
  dataFileNameProblem,
  type HttpHost,
  openWorkspace,
  startHttpHost,
  statusPage,
  type Workspace,
} from "../../../pipeline/service";

const MB = 2 ** 20;
const CAP = 64 * MB;

let dir: string;
let dataDir: string;
let workspace: Workspace;
let host: HttpHost;
let noNotebookHost: HttpHost;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-upload-"));
  dataDir = path.join(dir, "data");
  await writeFile(path.join(dir, "test.lakebook.md"), "---\nlakebook: 1\ntitle: Upload test\n---\n");
  workspace = await openWorkspace({ notebookPath: path.join(dir, "test.lakebook.md") });
  host = await startHttpHost(createRouter(workspace, { maxUploadBytes: CAP }), {
    page: async () => statusPage(workspace),
  });
  // The same lake, but no notebook open: nowhere to put a data file.
  noNotebookHost = await startHttpHost(createRouter({ ...workspace, notebookPath: null, notebook: null }), {
    page: async () => "",
  });
});

afterAll(async () => {
  await host?.close();
  await noNotebookHost?.close();
  await workspace?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { ok: boolean; result?: unknown; error?: { code: string; message: string; hint?: string } };
}

/**
 * `PUT` with a body written chunk by chunk as the generator yields it (awaiting drain), so the test
 * can pause mid-upload and look at the disk.
 */
function put(
  pathname: string,
  body: Iterable<Buffer> | AsyncIterable<Buffer>,
  options: { headers?: Record<string, string>; target?: HttpHost; length?: number } = {},
): Promise<Answer> {
  const target = options.target ?? host;
  const headers: Record<string, string> = {
    Host: `127.0.0.1:${target.port}`,
    Authorization: `Bearer ${target.token}`,
    ...(options.length !== undefined ? { "Content-Length": String(options.length) } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: target.port, path: pathname, method: "PUT", headers },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || "{}") }));
      },
    );
    req.on("error", reject);
    void (async () => {
      try {
        for await (const chunk of body) {
          if (!req.write(chunk)) await new Promise((done) => req.once("drain", done));
        }
        req.end();
      } catch {
        // The server answered early and closed; the answer still arrives.
      }
    })();
  });
}

const putText = (name: string, text: string, query = "") =>
  put(`/data/${encodeURIComponent(name)}${query}`, [Buffer.from(text)], { length: Buffer.byteLength(text) });

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const leftovers = async () =>
  (await readdir(dataDir)).filter((name) => name.startsWith(".") && name.endsWith(".tmp"));

describe("PUT /data/<file name>", () => {
  it("streams a 20 MB body to data/<name>: on disk while it is still arriving, whole at the end", async () => {
    const chunk = Buffer.alloc(MB);
    const hash = createHash("sha256");
    let sawTempOnDisk = 0;
    async function* body() {
      for (let i = 0; i < 20; i++) {
        chunk.fill(`line ${i}|${"x".repeat(40)}\n`);
        hash.update(chunk);
        yield Buffer.from(chunk);
        if (i === 11) {
          // Half way: the bytes sent so far must already be in a temporary file, not in the server's memory.
          for (let tries = 0; tries < 200 && sawTempOnDisk < 8 * MB; tries++) {
            const temps = await readdir(dataDir).catch(() => [] as string[]);
            const temp = temps.find((name) => name.startsWith(".big.csv.") && name.endsWith(".tmp"));
            if (temp) sawTempOnDisk = (await stat(path.join(dataDir, temp))).size;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          await expect(stat(path.join(dataDir, "big.csv"))).rejects.toThrow();
        }
      }
    }
    const answer = await put("/data/big.csv", body(), { length: 20 * MB });
    expect(answer.status).toBe(201);
    expect(sawTempOnDisk).toBeGreaterThanOrEqual(8 * MB);
    const result = DataFileUploadSchema.parse(answer.body.result);
    expect(result).toEqual({
      path: "data/big.csv",
      bytes: 20 * MB,
      sha256: hash.digest("hex"),
      replaced: false,
      unchanged: false,
    });
    const stored = await readFile(path.join(dataDir, "big.csv"));
    expect(stored.length).toBe(20 * MB);
    expect(sha256(stored)).toBe(result.sha256);
    expect(await leftovers()).toEqual([]);
  });

  it("leaves nothing behind when the client breaks off mid-upload", async () => {
    await new Promise<void>((resolve) => {
      const req = request({
        host: "127.0.0.1",
        port: host.port,
        path: "/data/broken-off.csv",
        method: "PUT",
        headers: {
          Host: `127.0.0.1:${host.port}`,
          Authorization: `Bearer ${host.token}`,
          "Content-Length": String(10 * MB),
        },
      });
      req.on("error", () => resolve());
      req.write(Buffer.alloc(2 * MB, 120), () => setTimeout(() => req.destroy(), 100));
    });
    await expect.poll(leftovers, { timeout: 5000 }).toEqual([]);
    await expect(stat(path.join(dataDir, "broken-off.csv"))).rejects.toThrow();
  });

  it("works without a Content-Length (chunked), as a streaming client sends", async () => {
    const answer = await put("/data/chunked.csv", [Buffer.from("a|b\n"), Buffer.from("1|2\n")]);
    expect(answer.status).toBe(201);
    expect(await readFile(path.join(dataDir, "chunked.csv"), "utf8")).toBe("a|b\n1|2\n");
  });

  it("refuses a different file of the same name with DATA_FILE_EXISTS, and replaces it only when asked", async () => {
    expect((await putText("movies.csv", "first version\n")).status).toBe(201);

    const otherSize = await putText("movies.csv", "second, longer version\n");
    expect(otherSize.status).toBe(409);
    expect(otherSize.body.error?.code).toBe("DATA_FILE_EXISTS");
    expect(otherSize.body.error?.message).toContain("data/movies.csv");
    // Same size, other bytes: found out after the body arrived, and still refused.
    const sameSize = await putText("movies.csv", "FIRST version\n");
    expect(sameSize.status).toBe(409);
    expect(await readFile(path.join(dataDir, "movies.csv"), "utf8")).toBe("first version\n");

    const same = await putText("movies.csv", "first version\n");
    expect(same.status).toBe(200);
    expect(same.body.result).toMatchObject({ unchanged: true, replaced: false });

    const replaced = await putText("movies.csv", "second, longer version\n", "?replace=1");
    expect(replaced.status).toBe(200);
    expect(replaced.body.result).toMatchObject({ path: "data/movies.csv", replaced: true, unchanged: false });
    expect(await readFile(path.join(dataDir, "movies.csv"), "utf8")).toBe("second, longer version\n");
    expect(await leftovers()).toEqual([]);
  });

  it("refuses names with folders, dots, backslashes or control characters, and writes nothing", async () => {
    const before = (await readdir(dir)).sort();
    for (const encoded of [
      "..%2Fescape.csv",
      "sub%2Ffile.csv",
      "a%5Cb.csv",
      "x..csv",
      ".hidden.csv",
      "bad%0Aname.csv",
      "nul%00.csv",
      "%E0%A4%A",
    ]) {
      const answer = await put(`/data/${encoded}`, [Buffer.from("x")], { length: 1 });
      expect(answer.status, encoded).toBe(400);
      expect(answer.body.error?.code, encoded).toBe("DATA_FILE_NAME_INVALID");
    }
    // `..` segments (also written %2E%2E) are resolved by the URL parser: no upload route at all.
    for (const pathname of ["/data/../escape.csv", "/data/..", "/data/%2E%2E"]) {
      expect((await put(pathname, [Buffer.from("x")], { length: 1 })).status, pathname).toBe(404);
    }
    expect((await readdir(dir)).sort()).toEqual(before);
    expect(dataFileNameProblem("movies.csv")).toBeUndefined();
    expect(dataFileNameProblem("filmes de terror (1).csv")).toBeUndefined();
    expect(dataFileNameProblem("a".repeat(256))).toContain("longer than 255 bytes");
  });

  it("goes through the host's access check: no token 401, foreign Origin or Host 403", async () => {
    const noToken = await put("/data/sneaky.csv", [Buffer.from("x")], {
      length: 1,
      headers: { Authorization: "" },
    });
    expect(noToken.status).toBe(401);
    const foreign = await put("/data/sneaky.csv", [Buffer.from("x")], {
      length: 1,
      headers: { Origin: "https://attacker.example" },
    });
    expect(foreign.status).toBe(403);
    const rebound = await put("/data/sneaky.csv", [Buffer.from("x")], {
      length: 1,
      headers: { Host: "attacker.example" },
    });
    expect(rebound.status).toBe(403);
    const sameOrigin = await put("/data/allowed.csv", [Buffer.from("x")], {
      length: 1,
      headers: { Origin: `http://127.0.0.1:${host.port}` },
    });
    expect(sameOrigin.status).toBe(201);
    await expect(stat(path.join(dataDir, "sneaky.csv"))).rejects.toThrow();
  });

  it("refuses a body over the size cap before reading it", async () => {
    const answer = await put("/data/huge.csv", [Buffer.from("x")], { length: CAP + 1 });
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe("DATA_FILE_TOO_LARGE");
    await expect(stat(path.join(dataDir, "huge.csv"))).rejects.toThrow();
  });

  it("refuses when no notebook is open", async () => {
    const answer = await put("/data/movies.csv", [Buffer.from("x")], { length: 1, target: noNotebookHost });
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe("NO_NOTEBOOK");
  });
});
