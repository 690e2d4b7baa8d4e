import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CellRunResult, LakebookError, type ServiceEvent } from "../../../pipeline/contract";
import { createDispatcher, createRouter, openWorkspace } from "../../../pipeline/service";
import { moviesCsv } from "../stages/ingest/helpers";

/**
 * The bad-input corpus (tests/fixtures/bad-input/): each notebook, SQL, Vega-Lite spec or settings
 * cell gets a clear LakebookError naming the place and what was expected, and nothing stored is lost:
 * the notebook file stays byte for byte, the lake is as it was before the failing cell.
 */
const CORPUS = fileURLToPath(new URL("../../fixtures/bad-input/", import.meta.url));

interface Case {
  file: string;
  code: string;
  /** What the message must say: the place (file:line, cell id, field) and what was expected. */
  says: RegExp[];
}

const CASES: Case[] = [
  {
    file: "invalid-yaml.lakebook.md",
    code: "NOTEBOOK_PARSE",
    says: [/invalid-yaml\.lakebook\.md:\d+:\d+/, /expected/],
  },
  {
    file: "unclosed-fence.lakebook.md",
    code: "NOTEBOOK_PARSE",
    says: [/unclosed-fence\.lakebook\.md:5:1/, /unterminated code cell/, /expected a closing ```/],
  },
  {
    file: "duplicate-ids.lakebook.md",
    code: "NOTEBOOK_PARSE",
    says: [/duplicate-ids\.lakebook\.md:9:\d+/, /same/, /expected a unique id/],
  },
  {
    file: "future-version.lakebook.md",
    code: "NOTEBOOK_TOO_NEW",
    says: [/future-version\.lakebook\.md:\d+/, /99/],
  },
  {
    file: "target-bad-bucket.lakebook.md",
    code: "S3_BUCKET_INVALID",
    says: [/target-bad-bucket\.lakebook\.md:5:11: /, /"Not_A_Bucket!"/, /not a valid S3 bucket name/],
  },
  {
    // A title and comments above it: the line is the bucket's own, wherever it sits.
    file: "target-short-bucket.lakebook.md",
    code: "S3_BUCKET_INVALID",
    says: [/target-short-bucket\.lakebook\.md:9:13: /, /"ab"/, /not a valid S3 bucket name/],
  },
  { file: "unknown-kind.lakebook.md", code: "UNKNOWN_CELL_KIND", says: [/mystery/, /pivot/] },
  { file: "sql-syntax-error.lakebook.md", code: "SQL_PARSE", says: [/line 2, column 1/, /syntax/i] },
  { file: "sql-drop-raw.lakebook.md", code: "RAW_IS_APPEND_ONLY", says: [/line 1/, /drop raw\.movies/] },
  {
    file: "sql-overwrite-raw.lakebook.md",
    code: "RAW_IS_APPEND_ONLY",
    says: [/line 1/, /replace raw\.movies/],
  },
  { file: "chart-invalid-json.lakebook.md", code: "CHART_SPEC_INVALID", says: [/bad_json/, /JSON/] },
  {
    file: "chart-unknown-field.lakebook.md",
    code: "CHART_FIELD_UNKNOWN",
    says: [/unknown_field/, /no_such_column/],
  },
  {
    file: "ingest-bad-date.lakebook.md",
    code: "INGEST_SETTINGS_INVALID",
    says: [/ingest_movies/, /date/, /2026-13-45/],
  },
  {
    file: "tmdb-zero-rate.lakebook.md",
    code: "TMDB_SETTINGS_INVALID",
    says: [/tmdb_enrich/, /requestsPerSecond/, /above 0/],
  },
  {
    file: "tmdb-negative-rate.lakebook.md",
    code: "TMDB_SETTINGS_INVALID",
    says: [/tmdb_enrich/, /requestsPerSecond/, /above 0/],
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-bad-input-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every file of the lake with its size and time: what "unchanged" compares. */
async function lakeSnapshot(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile());
  const rows = await Promise.all(
    files.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const info = await stat(file);
      return `${path.relative(root, file)} ${info.size} ${info.mtimeMs}`;
    }),
  );
  return rows.sort();
}

/** Opens the notebook and runs its cells in order until one fails; the error, and the lake around it. */
async function firstError(
  notebook: string,
): Promise<{ error: unknown; lakeBefore: string[]; lakeAfter: string[] }> {
  let workspace: Awaited<ReturnType<typeof openWorkspace>>;
  const lake = path.join(path.dirname(notebook), ".lake");
  try {
    workspace = await openWorkspace({ notebookPath: notebook });
  } catch (error) {
    return { error, lakeBefore: [], lakeAfter: [] };
  }
  try {
    const dispatcher = createDispatcher(createRouter(workspace));
    for (const cell of workspace.notebook?.cells ?? []) {
      if (cell.kind === "markdown") continue;
      const lakeBefore = await lakeSnapshot(lake);
      const finished = new Promise<CellRunResult>((resolve) => {
        const stop = dispatcher.subscribe((event: ServiceEvent) => {
          if (event.type === "run.finished" && event.result.id === cell.id) {
            stop();
            resolve(event.result);
          }
        });
      });
      const reply = await dispatcher.call("cell.run", { cellId: cell.id });
      const result = reply.ok ? await finished : undefined;
      const error = reply.ok ? result?.error : reply.error;
      if (error) return { error, lakeBefore, lakeAfter: await lakeSnapshot(lake) };
    }
    return { error: undefined, lakeBefore: [], lakeAfter: [] };
  } finally {
    await workspace.close();
  }
}

describe("the bad-input corpus", () => {
  it("has a case for every fixture", async () => {
    const fixtures = (await readdir(CORPUS)).filter((name) => name.endsWith(".lakebook.md")).sort();
    expect(CASES.map((c) => c.file).sort()).toEqual(fixtures);
  });

  it.each(CASES)("$file: $code naming the place, nothing stored lost", async ({ file, code, says }) => {
    const project = path.join(dir, file.replace(".lakebook.md", ""));
    await mkdir(path.join(project, "data"), { recursive: true });
    await writeFile(path.join(project, "data", "movies.csv"), moviesCsv(20));
    const notebook = path.join(project, file);
    await copyFile(path.join(CORPUS, file), notebook);
    const original = await readFile(notebook);

    const { error, lakeBefore, lakeAfter } = await firstError(notebook);
    expect(error, "no error at all").toBeDefined();
    const shaped =
      error instanceof LakebookError ? error.toJSON() : (error as { code: string; message: string });
    expect(
      error instanceof Error && !(error instanceof LakebookError),
      "a plain Error, not a LakebookError",
    ).toBe(false);
    expect(shaped.code, shaped.message).toBe(code);
    for (const pattern of says) expect(shaped.message).toMatch(pattern);
    expect((await readFile(notebook)).equals(original), "the notebook file changed").toBe(true);
    expect(lakeAfter).toEqual(lakeBefore);
  });

  it("a 10 MB cell is read, or refused with a LakebookError, never a crash", async () => {
    const notebook = path.join(dir, "huge-cell.lakebook.md");
    const body = `SELECT '${"x".repeat(10 * 1024 * 1024)}' AS big`;
    await writeFile(notebook, `---\nlakebook: 1\n---\n\n\`\`\`sql {#huge}\n${body}\n\`\`\`\n`);
    const original = await readFile(notebook);
    const { parseNotebook } = await import("../../../pipeline/document");
    try {
      const parsed = parseNotebook(original.toString("utf8"), notebook);
      expect(parsed.notebook.cells[0]?.source.length).toBe(body.length);
    } catch (error) {
      expect(error).toBeInstanceOf(LakebookError);
    }
    expect((await readFile(notebook)).equals(original), "the notebook file changed").toBe(true);
  });
});
