import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract";
import {
  exportDashboardHtml,
  type HttpHost,
  htmlDownload,
  type ServiceRouter,
  startHttpHost,
} from "../../../pipeline/service";

/** `GET /dashboard.html`: the UI's "Export dashboard". The builder itself is tested with the CLI export. */
let host: HttpHost;
let answer: () => Promise<{ html: string; fileName: string }>;

/** The route goes through the dispatcher to the router's `dashboard.export`, answered by `answer`. */
const router: ServiceRouter = {
  call: async () => ({}) as never,
  download: async () => {
    const { html, fileName } = await answer();
    return htmlDownload(html, fileName);
  },
  upload: async () => ({}),
  subscribe: () => () => undefined,
  close: async () => undefined,
};

beforeAll(async () => {
  host = await startHttpHost(router, { page: async () => "page" });
});
afterAll(async () => {
  await host.close();
});

function get(pathname: string, withToken = true) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const headers: Record<string, string> = { Host: `127.0.0.1:${host.port}` };
      if (withToken) headers.Authorization = `Bearer ${host.token}`;
      request({ host: "127.0.0.1", port: host.port, path: pathname, headers }, (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("GET /dashboard.html", () => {
  it("sends the dashboard as a download named after the notebook", async () => {
    answer = async () => ({
      html: "<!doctype html><title>Dash</title>",
      fileName: "horror subgenres.dashboard.html",
    });
    const response = await get("/dashboard.html");
    expect(response.status).toBe(200);
    expect(response.body).toBe("<!doctype html><title>Dash</title>");
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="horror_subgenres.dashboard.html"',
    );
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("needs the token like every other route", async () => {
    answer = async () => ({ html: "secret", fileName: "x.html" });
    const response = await get("/dashboard.html", false);
    expect(response.status).toBe(401);
    expect(response.body).not.toContain("secret");
  });

  it("answers a failed build with the service's error and hint as JSON", async () => {
    answer = async () => {
      throw new LakebookError("DASHBOARD_CHART_FAILED", "Chart c failed: no table.", {
        hint: "Run the notebook first.",
      });
    };
    const response = await get("/dashboard.html");
    expect(response.status).toBe(422);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: {
        code: "DASHBOARD_CHART_FAILED",
        message: "Chart c failed: no table.",
        hint: "Run the notebook first.",
      },
    });
  });
});

describe("exportDashboardHtml", () => {
  it("refuses a notebook without chart cells, naming the file", async () => {
    const workspace = {
      notebookPath: "/nb/plain.lakebook.md",
      notebook: { meta: { lakebook: 1, title: "Plain", target: { kind: "local" as const } }, cells: [] },
      engine: {} as never,
    };
    await expect(exportDashboardHtml(workspace)).rejects.toMatchObject({
      code: "DASHBOARD_EMPTY",
      message: "plain.lakebook.md has no chart cells.",
    });
  });
});
