import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLanguage, systemLanguage } from "../../../pipeline/cli/commands/demo";
import { type Cell, parseNotebook } from "../../../pipeline/document";
import { lakebook } from "./run-cli";

/**
 * The pt-BR demo notebook: written by `lakebook demo --lang pt-BR`, its prose in Portuguese and its
 * cells the English demo's (the same ids, SQL and tables; only the charts' display titles differ),
 * so it runs headless end to end and passes every course rule, as the English one does.
 */
const ASSETS = new URL("../../../assets/demo/", import.meta.url);
let dir: string;
let project: string;
const NOTEBOOK = "subgeneros-de-terror.lakebook.md";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-demo-pt-"));
  project = path.join(dir, "demo");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = async (name: string) =>
  parseNotebook(await readFile(new URL(name, ASSETS), "utf8"), name).notebook;
/** A chart's spec with its display titles taken out: what the chart draws from stays. */
const withoutTitles = (cell: Cell) =>
  cell.kind === "chart" ? cell.source.replace(/"title": "[^"]*"/g, '"title": ""') : cell.source;

describe("the pt-BR demo notebook", () => {
  it("has the English demo's cells, with Portuguese prose", async () => {
    const en = await read("horror-subgenres.lakebook.md");
    const pt = await read(NOTEBOOK);
    expect(pt.cells.map((c) => [c.id, c.kind, c.attrs])).toEqual(
      en.cells.map((c) => [c.id, c.kind, c.attrs]),
    );
    expect(pt.meta.target).toEqual(en.meta.target);
    expect(pt.meta.title).toBe("Quais subgêneros de terror o público prefere?");
    en.cells.forEach((cell, i) => {
      const other = pt.cells[i] as Cell;
      if (cell.kind === "markdown") expect(other.source).not.toBe(cell.source);
      else expect([cell.id, withoutTitles(other)]).toEqual([cell.id, withoutTitles(cell)]);
    });
  });

  it("picks the language from --lang, or for `start` from the system's", () => {
    expect(demoLanguage("demo", "pt-br")).toBe("pt-BR");
    expect(demoLanguage("demo", undefined)).toBeUndefined();
    expect(() => demoLanguage("demo", "fr")).toThrow(/--lang must be en or pt-BR/);
    expect(systemLanguage({ LANG: "pt_BR.UTF-8" })).toBe("pt-BR");
    expect(systemLanguage({ LC_ALL: "en_US.UTF-8", LANG: "pt_BR.UTF-8" })).toBe("en");
    expect(systemLanguage({})).toBe("en");
  });

  it("is written by `lakebook demo --lang pt-BR`, runs headless and passes every course rule", async () => {
    expect((await lakebook(["demo", "demo", "--lang", "pt-BR"], dir)).code).toBe(0);
    const notebook = path.join(project, NOTEBOOK);
    const run = await lakebook(["run", notebook, "--json"], dir);
    const cells = JSON.parse(run.stdout).cells as { id: string; status: string }[];
    expect(cells.filter((cell) => cell.status !== "ok")).toEqual([]);
    const check = await lakebook(["check", notebook, "--json"], dir);
    const result = JSON.parse(check.stdout) as { ok: boolean; rules: { id: string; pass: boolean }[] };
    expect(result.rules.filter((r) => !r.pass).map((r) => r.id)).toEqual([]);
    expect(check.code).toBe(0);
  }, 300_000);
});
