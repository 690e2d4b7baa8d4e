import { describe, expect, it } from "vitest";
import { outputReport, tmdbReport } from "../../../pipeline/cli/output-report";
import { ProgressPrinter } from "../../../pipeline/cli/progress-printer";
import type { TmdbOutput } from "../../../pipeline/contract";

const output: TmdbOutput = {
  type: "tmdb",
  source: "offline sample",
  date: "2026-01-05",
  name: "tmdb",
  counts: { total: 5, found: 2, notFound: 2, failed: 1, skipped: 0 },
  requests: { requests: 9, retries: 2, cacheHits: 1 },
  files: ["Raw/TMDB/JSON/2026/01/05/tmdb-movies-0001.json", "Raw/TMDB/JSON/2026/01/05/tmdb-series-0001.json"],
  samples: [],
  notFound: ["tt0000003", "tt0000004"],
  failed: [{ imdbId: "tt0000005", reason: "find: HTTP 503 after 5 attempts: Service Unavailable" }],
  manifest: "_lakebook/tmdb/2026-01-05/tmdb.manifest.json",
  note: "TMDB's TV genres have no Horror: series are selected by the IMDb genres in RAW and matched by IMDb id.",
  python: "import boto3",
};

describe("the TMDB output in the terminal", () => {
  it("reports the source, counts, requests, files, not found and failed titles", () => {
    expect(tmdbReport(output)).toBe(
      [
        "Source: the offline sample (no TMDB_READ_ACCESS_TOKEN or TMDB_API_KEY set), built from the demo data.",
        "Processing date 2026-01-05: 5 titles — 2 found, 2 not found, 1 failed.",
        "Requests: 9, retries: 2, from cache: 1.",
        output.note,
        "",
        "Files (2):",
        "  Raw/TMDB/JSON/2026/01/05/tmdb-movies-0001.json",
        "  Raw/TMDB/JSON/2026/01/05/tmdb-series-0001.json",
        "",
        "Not found on TMDB (2):",
        "  tt0000003, tt0000004",
        "",
        "Failed (1; a rerun tries them again):",
        "  tt0000005: find: HTTP 503 after 5 attempts: Service Unavailable",
      ].join("\n"),
    );
  });

  it("says how many more the manifest lists when the lists were capped, and the discover counts", () => {
    const text = tmdbReport({
      ...output,
      source: "TMDB",
      counts: { ...output.counts, notFound: 900, skipped: 2 },
      discover: { discovered: 40, withoutImdbId: 3, failed: 1 },
    });
    expect(text).toContain("Source: the TMDB API.");
    expect(text).toContain("Skipped 2 values of id that are not IMDb ids.");
    expect(text).toContain("Discover: 40 titles (3 without an IMDb id), 1 failed.");
    expect(text).toContain(
      "Not found on TMDB (900):\n  tt0000003, tt0000004\n  … and 898 more, all listed in _lakebook/tmdb/2026-01-05/tmdb.manifest.json.",
    );
  });

  it("prints text outputs as they are and leaves tables to `lakebook query`", () => {
    expect(outputReport({ type: "text", text: "hello" })).toBe("hello");
    // The publish cell's checklist prints as its text report.
    expect(
      outputReport({
        type: "publish",
        target: "local",
        dashboardName: "d",
        steps: [],
        notes: [],
        text: "Local target: nothing is sent to AWS.",
      }),
    ).toBe("Local target: nothing is sent to AWS.");
    expect(outputReport(undefined)).toBeUndefined();
    expect(
      outputReport({
        type: "table",
        result: { resultId: "r", columns: [], rowCount: 0, truncated: false, ms: 1 } as never,
      }),
    ).toBeUndefined();
  });

  it("comes after the cell's summary line, indented, on the progress stream", () => {
    let written = "";
    const printer = new ProgressPrinter({ write: (text: string) => (written += text) });
    printer.handle({
      type: "run.progress",
      runId: "r",
      cellId: "tmdb_enrich",
      done: 120,
      total: 384,
      unit: "titles",
      message: "118 found, 1 not found, 1 failed · 38.2 requests/s · 3 retries · ETA 1 min 20 s",
    });
    printer.handle({
      type: "run.finished",
      runId: "r",
      result: {
        id: "tmdb_enrich",
        kind: "tmdb",
        status: "ok",
        ms: 5,
        summary: "offline sample: 5 titles",
        output,
      },
    });
    const lines = written.split("\n");
    expect(lines[0]).toBe(
      "      120 of 384 titles (31%) · 118 found, 1 not found, 1 failed · 38.2 requests/s · 3 retries · ETA 1 min 20 s",
    );
    expect(lines[1]).toBe("      ok in 5 ms — offline sample: 5 titles");
    expect(lines[2]).toBe(`      ${tmdbReport(output).split("\n")[0]}`);
    expect(written).toContain(
      "\n\n      Files (2):\n        Raw/TMDB/JSON/2026/01/05/tmdb-movies-0001.json\n",
    );
  });
});
