// @vitest-environment jsdom

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellOutputSchema, type TmdbOutput as TmdbOutputData } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { hasRenderer } from "../../../../renderer/src/outputs/registry";
import { recordHeading } from "../../../../renderer/src/outputs/tmdb/record-heading";
import { TmdbOutput } from "../../../../renderer/src/outputs/tmdb/TmdbOutput";

/** A real output, recorded from the demo notebook's tmdb_enrich cell on the offline sample. */
// A path, not a URL: jsdom replaces the global URL class, which node:fs does not accept.
const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = readFileSync(path.join(here, "fixtures", "demo-offline.tmdb-output.json"), "utf8");
const parsed = CellOutputSchema.parse(JSON.parse(recorded));
if (parsed.type !== "tmdb") throw new Error("fixture is not a tmdb output");
const output: TmdbOutputData = parsed;

/** The recorded run found everything; this one missed some, as a real TMDB run does. */
const missed: TmdbOutputData = {
  ...output,
  source: "TMDB",
  counts: { ...output.counts, found: 380, notFound: 3, failed: 1 },
  notFound: ["tt0000001", "tt0000002", "tt0000003"],
  failed: [{ imdbId: "tt0000009", reason: "find: HTTP 503 after 5 attempts: Service Unavailable" }],
};

function draw(data: TmdbOutputData = output) {
  return render(h(TmdbOutput, { cellId: "tmdb_enrich", output: data }));
}

beforeEach(() => setLocale("en"));
afterEach(cleanup);

describe("the TMDB output", () => {
  it("is the registered renderer for tmdb outputs", () => {
    expect(hasRenderer(output)).toBe(true);
  });

  it("says plainly that the records come from the offline sample, and shows the counts", () => {
    const { container } = draw();
    const box = screen.getByRole("group", { name: "What tmdb_enrich fetched from TMDB" });
    expect(within(box).getByText("Offline sample")).toBeTruthy();
    expect(box.textContent).toContain("No TMDB_READ_ACCESS_TOKEN or TMDB_API_KEY was set");
    const count = (name: string) => container.querySelector(`[data-count="${name}"]`)?.textContent;
    expect(count("total")).toBe("Titles384");
    expect(count("found")).toBe("Found384");
    expect(count("not-found")).toBe("Not found0");
    expect(count("failed")).toBe("Failed0");
    expect(box.textContent).toContain("768 requests, 0 retries, 0 from cache");
    expect(box.textContent).toContain(output.date);
    expect(box.textContent).toContain("TMDB's TV genres have no Horror");
    expect(screen.queryByText(/Not found on TMDB/)).toBeNull();
  });

  it("names the TMDB API as the source when it was", () => {
    draw(missed);
    expect(screen.getByText("TMDB API")).toBeTruthy();
    expect(screen.queryByText("Offline sample")).toBeNull();
  });

  it("lists every file", () => {
    draw();
    const files = screen.getByText("Files: 5").closest("details") as HTMLDetailsElement;
    expect(
      within(files)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(output.files);
  });

  it("shows the first records of the movies and series files, each one's JSON as written", () => {
    draw();
    const [movies, series] = output.samples;
    const movieBox = screen
      .getByText(`Movies: first 5 of 100 records in ${movies?.key.split("/").at(-1)}`)
      .closest("details") as HTMLDetailsElement;
    expect(movieBox.open).toBe(true);
    const first = movies?.sample[0]?.record as Record<string, unknown>;
    const record = within(movieBox).getByText(String(first.imdb_id)).closest("details") as HTMLDetailsElement;
    expect(record.querySelector("summary")?.textContent).toBe(
      `${first.imdb_id} · ${first.title} (${String(first.release_date).slice(0, 4)}) · TMDB id ${first.id}`,
    );
    expect(JSON.parse(record.querySelector("pre > code")?.textContent ?? "")).toEqual(first);
    const tv = series?.sample[0]?.record as Record<string, unknown>;
    const seriesBox = screen
      .getByText(`Series: first 5 of 100 records in ${series?.key.split("/").at(-1)}`)
      .closest("details") as HTMLDetailsElement;
    expect(seriesBox.querySelector(".tmdb-record > summary")?.textContent).toBe(
      `${tv.imdb_id} · ${tv.name} (${String(tv.first_air_date).slice(0, 4)}) · TMDB id ${tv.id}`,
    );
  });

  it("says where a sample record was cut", () => {
    const [movies] = output.samples;
    if (!movies) throw new Error("no movies sample");
    const cut = {
      ...movies,
      sample: [
        {
          ...(movies.sample[0] as (typeof movies.sample)[number]),
          cuts: [
            { path: "credits.cast", omitted: 5, unit: "items" as const },
            { path: "overview", omitted: 1200, unit: "characters" as const },
            { path: "genres", omitted: 1, unit: "items" as const },
          ],
        },
      ],
    };
    draw({ ...output, samples: [cut] });
    expect(screen.getByText("credits.cast: 5 more items not shown")).toBeTruthy();
    expect(screen.getByText("overview: 1,200 more characters not shown")).toBeTruthy();
    expect(screen.getByText("genres: 1 more item not shown")).toBeTruthy();
  });

  it("lists the titles not found and those that failed, with the reason", () => {
    draw(missed);
    const notFound = screen.getByText("Not found on TMDB: 3").closest("details") as HTMLDetailsElement;
    expect(notFound.open).toBe(true);
    expect(
      within(notFound)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(missed.notFound);
    const table = screen.getByRole("table", { name: "Titles tmdb_enrich could not fetch" });
    expect(within(table).getAllByRole("row")[1]?.textContent).toBe(
      "tt0000009find: HTTP 503 after 5 attempts: Service Unavailable",
    );
    expect(screen.getByText("Failed: 1 (a rerun tries them again)")).toBeTruthy();
  });

  it("folds a long list and says the manifest has the ones not shown", () => {
    const ids = Array.from({ length: 500 }, (_, i) => `tt${1000 + i}`);
    draw({ ...missed, counts: { ...missed.counts, notFound: 1200 }, notFound: ids });
    const notFound = screen.getByText("Not found on TMDB: 1,200").closest("details") as HTMLDetailsElement;
    expect(notFound.open).toBe(false);
    expect(within(notFound).getAllByRole("listitem")).toHaveLength(500);
    expect(screen.getByText(`700 more not shown; ${output.manifest} lists them all.`)).toBeTruthy();
  });

  it("shows the Python script read-only under its caption, with a Copy button that copies it", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { container } = draw();
    const details = screen
      .getByText("What this cell did, in Python with requests and boto3")
      .closest("details") as HTMLDetailsElement;
    const code = details.querySelector("pre > code");
    expect(code?.textContent).toBe(output.python);
    expect(code?.textContent).toContain('os.environ["TMDB_READ_ACCESS_TOKEN"]');
    expect(code?.textContent).toContain("s3.put_object(");
    expect(container.querySelector("textarea, [contenteditable]")).toBeNull();
    fireEvent.click(within(details).getByRole("button", { name: "Copy the Python script of tmdb_enrich" }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(output.python));
  });

  it("shows the Athena query over raw.tmdb when the run registered it, with a Copy button", async () => {
    const sql = "SELECT dt, kind, r.imdb_id\nFROM raw.tmdb\nCROSS JOIN UNNEST(records) AS t(r)";
    draw();
    expect(screen.queryByText(/Query these records on Athena/)).toBeNull();
    cleanup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    draw({ ...output, query: { table: "raw.tmdb", sql } });
    const details = screen
      .getByText("Query these records on Athena: raw.tmdb, one row per file")
      .closest("details") as HTMLDetailsElement;
    expect(details.querySelector("pre > code")?.textContent).toBe(sql);
    fireEvent.click(within(details).getByRole("button", { name: "Copy the Athena query of tmdb_enrich" }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(sql));
    cleanup();
    setLocale("pt-BR");
    draw({ ...output, query: { table: "raw.tmdb", sql } });
    expect(
      screen.getByText("Consultar estes registros no Athena: raw.tmdb, uma linha por arquivo"),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copiar a consulta Athena de tmdb_enrich" })).toBeTruthy();
  });

  it("speaks Brazilian Portuguese, numbers included", () => {
    setLocale("pt-BR");
    draw({ ...missed, source: "offline sample", counts: { ...missed.counts, total: 1384 } });
    expect(screen.getByRole("group", { name: "O que tmdb_enrich buscou no TMDB" })).toBeTruthy();
    expect(screen.getByText("Amostra offline")).toBeTruthy();
    expect(screen.getByText(/Nenhum TMDB_READ_ACCESS_TOKEN ou TMDB_API_KEY foi definido/)).toBeTruthy();
    expect(document.querySelector('[data-count="total"]')?.textContent).toBe("Títulos1.384");
    expect(screen.getByText("768 requisições, 0 novas tentativas, 0 do cache")).toBeTruthy();
    expect(screen.getByText("Arquivos: 5")).toBeTruthy();
    expect(screen.getByText(/^Filmes: 5 primeiros de 100 registros em /)).toBeTruthy();
    expect(screen.getByText("Não encontrados no TMDB: 3")).toBeTruthy();
    expect(screen.getByText("Com falha: 1 (uma nova execução tenta de novo)")).toBeTruthy();
    expect(screen.getByText(/Os gêneros de TV do TMDB não têm Terror/)).toBeTruthy();
    expect(screen.getByText("O que esta célula fez, em Python com requests e boto3")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copiar o script Python de tmdb_enrich" }).textContent).toBe(
      "Copiar",
    );
  });

  it("gives every control an accessible name", () => {
    const { container } = draw(missed);
    const controls = container.querySelectorAll("button, summary, [tabindex='0']");
    expect(controls.length).toBeGreaterThan(10);
    for (const control of controls) {
      const name = control.getAttribute("aria-label") ?? control.textContent ?? "";
      const caption = control.querySelector("caption")?.textContent ?? "";
      expect(`${name}${caption}`.trim(), control.outerHTML.slice(0, 80)).not.toBe("");
    }
  });
});

describe("a sample record's heading", () => {
  it("takes the title of a movie and the name of a series, with the year", () => {
    expect(recordHeading({ imdb_id: "tt1", id: 2, title: "Hereditary", release_date: "2018-06-07" })).toEqual(
      {
        imdbId: "tt1",
        id: 2,
        title: "Hereditary",
        year: "2018",
      },
    );
    expect(
      recordHeading({ imdb_id: "tt3", id: 4, name: "Lost Manor", first_air_date: "1982-01-01" }),
    ).toEqual({
      imdbId: "tt3",
      id: 4,
      title: "Lost Manor",
      year: "1982",
    });
  });

  it("leaves out what a record lacks (a discovered title has no IMDb id)", () => {
    expect(recordHeading({ imdb_id: null, id: 5, release_date: "" })).toEqual({ id: 5 });
  });
});
