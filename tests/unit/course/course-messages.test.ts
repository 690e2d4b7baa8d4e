import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillMessage } from "../../../pipeline/contract";
import type { CourseLake } from "../../../pipeline/course";
import { COURSE_MESSAGES_EN, say } from "../../../pipeline/course/messages";
import { checkTmdb } from "../../../pipeline/course/stage2-tmdb";
import { parseNotebook } from "../../../pipeline/document";
import { LocalFolderStore } from "../../../pipeline/lake";
import { COURSE_MESSAGES_PT_BR, courseMessage } from "../../../renderer/src/course/course-rule-messages";

/** `{name}` and `{name#one|many}`: the params a template uses. */
const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)(?:#[^}]*)?\}/g)].map((m) => m[1]).sort();

describe("the course rules' messages", () => {
  it("have a pt-BR text for every English code, with the same params", () => {
    expect(Object.keys(COURSE_MESSAGES_PT_BR).sort()).toEqual(Object.keys(COURSE_MESSAGES_EN).sort());
    for (const [code, english] of Object.entries(COURSE_MESSAGES_EN)) {
      expect([code, placeholders(COURSE_MESSAGES_PT_BR[code] ?? "")]).toEqual([code, placeholders(english)]);
    }
  });

  it("fill paths and counts in, in the UI language's number format", () => {
    const said = say("tmdb.file.oversize", {
      key: "Raw/TMDB/JSON/2026/11/25/a.json",
      records: 1,
      bytes: 12345,
    });
    expect(said.text).toBe("Raw/TMDB/JSON/2026/11/25/a.json: 1 record, 12,345 bytes");
    expect(courseMessage("pt-BR", said.text, said.message)).toBe(
      "Raw/TMDB/JSON/2026/11/25/a.json: 1 registro, 12.345 bytes",
    );
    expect(courseMessage("en", said.text, said.message)).toBe(said.text);
    expect(fillMessage("{n#file|files}", { n: 2 })).toBe("2 files");
  });

  it("fall back to the English text for a code the UI does not know, or a line without one", () => {
    expect(courseMessage("pt-BR", "as sent", { code: "a.code.from.a.newer.service" })).toBe("as sent");
    expect(courseMessage("pt-BR", "Raw/x.csv: not dated", null)).toBe("Raw/x.csv: not dated");
  });
});

describe("tmdb.selected for a TMDB cell without a select", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "lakebook-course-select-"));
    await mkdir(path.join(dir, "Raw/TMDB/JSON/2026/11/25"), { recursive: true });
    await writeFile(
      path.join(dir, "Raw/TMDB/JSON/2026/11/25/tmdb-movies-0001.json"),
      JSON.stringify([{ imdb_id: "tt0000001" }, { imdb_id: "tt0000002" }]),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const lake = (extra: Partial<CourseLake>, queries: string[]): CourseLake => ({
    notebook: parseNotebook("```tmdb {#tmdb_enrich}\nfields: [budget]\n```\n", "nb.lakebook.md").notebook,
    notebookPath: null,
    baseDir: dir,
    target: { kind: "local" },
    store: new LocalFolderStore(dir),
    catalog: {} as never,
    sql: async (query) => {
      queries.push(query);
      return [{ id: "tt0000001" }, { id: "tt0000002" }];
    },
    ...extra,
  });
  const selectedOf = async (l: CourseLake) => (await checkTmdb(l)).find((r) => r.id === "tmdb.selected");

  it("compares with the stage's default selection and says so", async () => {
    const queries: string[] = [];
    const rule = await selectedOf(lake({ defaultTmdbSelect: "SELECT 'tt0000001' AS id" }, queries));
    expect(queries).toEqual([
      "SELECT DISTINCT CAST(id AS VARCHAR) AS id FROM (SELECT 'tt0000001' AS id) AS selected",
    ]);
    expect(rule?.pass).toBe(true);
    expect(rule?.evidence[0]).toContain("the TMDB stage's default select (the cell has no select:)");
  });

  it("fails with a hint to write the select when the default is not known, sending no query", async () => {
    const queries: string[] = [];
    const rule = await selectedOf(lake({}, queries));
    expect(queries).toEqual([]);
    expect(rule?.pass).toBe(false);
    expect(rule?.hintMessage).toEqual({ code: "tmdb.selected.hint.add-select" });
    expect(rule?.hint).toContain("select:");
  });
});
