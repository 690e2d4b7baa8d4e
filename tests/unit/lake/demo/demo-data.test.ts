import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOVIES_COLUMNS, SERIES_COLUMNS } from "../../../../pipeline/lake/dataset-columns";
import { type DemoFile, writeDemoData } from "../../../../pipeline/lake/demo/demo-data";

interface Parsed {
  raw: Buffer;
  header: string[];
  rows: string[][];
  file: DemoFile;
}

const dirs: string[] = [];
let movies: Parsed;
let series: Parsed;
let secondRun: { movies: DemoFile; series: DemoFile };

async function parse(file: DemoFile): Promise<Parsed> {
  const raw = await readFile(file.path);
  const lines = raw.toString("utf8").split("\n");
  const last = lines.pop();
  expect(last).toBe(""); // final newline
  const [header = "", ...rest] = lines;
  return { raw, header: header.split("|"), rows: rest.map((l) => l.split("|")), file };
}

const sha256 = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
const col = (p: Parsed, name: string) => p.header.indexOf(name);
const ids = (p: Parsed) => new Set(p.rows.map((r) => r[0] ?? ""));

beforeAll(async () => {
  for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(join(tmpdir(), "lakebook-demo-")));
  const [first = "", second = ""] = dirs;
  const run = await writeDemoData(join(first, "nested", "data"));
  secondRun = await writeDemoData(second);
  movies = await parse(run.movies);
  series = await parse(run.series);
});

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("writeDemoData", () => {
  it("writes the challenge's exact headers", () => {
    expect(movies.header.join("|")).toBe(
      "id|tituloPincipal|tituloOriginal|anoLancamento|tempoMinutos|genero|notaMedia|numeroVotos|generoArtista|personagem|nomeArtista|anoNascimento|anoFalecimento|profissao|titulosMaisConhecidos",
    );
    expect(series.header).toEqual([...SERIES_COLUMNS]);
    expect(movies.header).toEqual([...MOVIES_COLUMNS]);
    expect(SERIES_COLUMNS.indexOf("anoTermino")).toBe(SERIES_COLUMNS.indexOf("anoLancamento") + 1);
    expect(SERIES_COLUMNS).toHaveLength(16);
  });

  it("gives every row the header's field count and no empty field", () => {
    for (const [p, n] of [
      [movies, 15],
      [series, 16],
    ] as const) {
      for (const [i, row] of p.rows.entries()) {
        if (row.length !== n || row.includes(""))
          expect.fail(`${p.file.path} line ${i + 2}: ${row.join("|")}`);
      }
    }
  });

  it("is UTF-8 without BOM, LF only, and reports rows and bytes truthfully", async () => {
    for (const p of [movies, series]) {
      expect(p.raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      expect(p.raw.includes(0x0d)).toBe(false);
      expect(p.raw.toString("utf8").includes("\ufffd")).toBe(false);
      expect(p.file.rows).toBe(p.rows.length);
      expect(p.file.bytes).toBe((await stat(p.file.path)).size);
    }
    expect(movies.file.path.endsWith("movies.csv")).toBe(true);
    expect(series.file.path.endsWith("series.csv")).toBe(true);
  });

  it("uses unique-per-title IMDb-style ids, sorted, disjoint between files", () => {
    for (const p of [movies, series]) {
      const column = p.rows.map((r) => r[0] ?? "");
      for (const id of column) expect(id).toMatch(/^tt\d{7}$/);
      expect(column).toEqual([...column].sort());
      // A title's rows are contiguous, so each id starts exactly one run.
      const runs = column.filter((id, i) => id !== column[i - 1]).length;
      expect(runs).toBe(ids(p).size);
    }
    const movieIds = ids(movies);
    expect([...ids(series)].filter((id) => movieIds.has(id))).toEqual([]);
  });

  it("keeps every titled film of vega-datasets, with the 219 horror films", () => {
    expect(ids(movies).size).toBe(3200);
    const genero = col(movies, "genero");
    const horror = new Set(
      movies.rows.filter((r) => r[genero]?.split(",").includes("Horror")).map((r) => r[0]),
    );
    expect(horror.size).toBe(219);
    expect(ids(series).size).toBe(400);
  });

  it("spells genres the IMDb way, sorted, at most three, and gives horror subgenre companions", () => {
    for (const p of [movies, series]) {
      const values = p.rows.map((r) => r[col(p, "genero")] ?? "");
      expect(values.some((v) => v.split(",").includes("Sci-Fi"))).toBe(true);
      for (const v of values) {
        expect(v).not.toMatch(/Science Fiction| /);
        if (v === "\\N") continue;
        const list = v.split(",");
        expect(list.length).toBeLessThanOrEqual(3);
        expect(list).toEqual([...new Set(list)].sort());
      }
    }
    const companions = new Set(
      movies.rows
        .map((r) => r[col(movies, "genero")]?.split(",") ?? [])
        .filter((g) => g.includes("Horror"))
        .flat(),
    );
    for (const g of ["Mystery", "Thriller", "Sci-Fi", "Fantasy", "Comedy", "Drama"])
      expect(companions).toContain(g);
  });

  it("formats numbers and nulls like the challenge files", () => {
    const check = (p: Parsed, name: string, pattern: RegExp) => {
      for (const r of p.rows) expect(r[col(p, name)]).toMatch(pattern);
    };
    for (const p of [movies, series]) {
      check(p, "notaMedia", /^(\d\.\d|\\N)$/);
      check(p, "numeroVotos", /^(\d+|\\N)$/);
      check(p, "anoLancamento", /^(1[89]\d\d|20[0-2]\d)$/);
      check(p, "tempoMinutos", /^(\d+|\\N)$/);
      check(p, "generoArtista", /^(actor|actress)$/);
      check(p, "anoNascimento", /^(\d{4}|\\N)$/);
      check(p, "anoFalecimento", /^(\d{4}|\\N)$/);
      check(p, "profissao", /^(actor|actress)(,[a-z]+){0,2}$/);
      check(p, "titulosMaisConhecidos", /^tt\d{7}(,tt\d{7}){0,3}$/);
    }
    check(series, "anoTermino", /^(\d{4}|\\N)$/);
    check(series, "tempoMinutos", /^([2-6]\d|70|\\N)$/);
    for (const r of series.rows) {
      const [start, end] = [Number(r[3]), r[4] ?? ""];
      expect(start).toBeGreaterThanOrEqual(1960);
      expect(start).toBeLessThanOrEqual(2024);
      if (end !== "\\N") expect(Number(end)).toBeGreaterThanOrEqual(start);
      expect(Number(r[col(series, "notaMedia")])).toBeGreaterThanOrEqual(1);
    }
  });

  it("recurs the same artists with consistent personal data", () => {
    const personalColumns = ["generoArtista", "nomeArtista", "anoNascimento", "anoFalecimento", "profissao"];
    const seen = new Map<string, string>();
    const credits = new Map<string, number>();
    for (const p of [movies, series]) {
      const indexes = personalColumns.map((c) => col(p, c));
      for (const r of p.rows) {
        const artist = r[col(p, "nomeArtista")] ?? "";
        const personal = indexes.map((i) => r[i]).join("|");
        expect(seen.get(artist) ?? personal).toBe(personal);
        seen.set(artist, personal);
        credits.set(artist, (credits.get(artist) ?? 0) + 1);
      }
    }
    expect(Math.max(...credits.values())).toBeGreaterThan(10);
    expect([...seen.keys()].some((n) => /[^\x20-\x7e]/.test(n))).toBe(true);
  });

  it("points titulosMaisConhecidos at other existing titles", () => {
    const movieIds = ids(movies);
    const all = new Set([...movieIds, ...ids(series)]);
    for (const [p, valid] of [
      [movies, movieIds],
      [series, all],
    ] as const) {
      for (const r of p.rows) {
        for (const ref of (r[r.length - 1] ?? "").split(",")) {
          expect(valid.has(ref)).toBe(true);
          expect(ref).not.toBe(r[0]);
        }
      }
    }
  });

  it("writes byte-identical files on every run", async () => {
    expect(await sha256(secondRun.movies.path)).toBe(await sha256(movies.file.path));
    expect(await sha256(secondRun.series.path)).toBe(await sha256(series.file.path));
    expect(secondRun.movies.bytes).toBe(movies.file.bytes);
  });
});
