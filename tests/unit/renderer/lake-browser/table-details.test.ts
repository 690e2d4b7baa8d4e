// @vitest-environment jsdom

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CatalogTable, CellOutputSchema } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

afterEach(cleanup);

/** The fact table as the demo's fact_title_rating cell catalogued it (recorded output). */
const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = CellOutputSchema.parse(
  JSON.parse(
    readFileSync(path.join(here, "../transform/fixtures/fact-title-rating.transform-output.json"), "utf8"),
  ),
);
if (recorded.type !== "transform") throw new Error("fixture is not a transform output");
const fact: CatalogTable = recorded.table;

const dimDate: CatalogTable = {
  database: "refined",
  name: "dim_date",
  zone: "refined",
  location: "Refined/dim_date/",
  format: "parquet",
  columns: [
    { name: "date_key", type: "BIGINT" },
    { name: "year", type: "INTEGER" },
  ],
  rows: 1200,
  role: "dimension",
  primaryKey: ["date_key"],
  producedBy: { cell: "dim_date", inputs: ["refined.dim_title"] },
};
const dimTitle: CatalogTable = {
  ...dimDate,
  name: "dim_title",
  location: "Refined/dim_title/",
  columns: [{ name: "title_key", type: "BIGINT" }],
  primaryKey: ["title_key"],
  producedBy: { cell: "dim_title", inputs: ["trusted.movies"] },
};
/** Partitioned by processing date, read from RAW files rather than a catalog table. */
const tmdbMovies: CatalogTable = {
  database: "trusted",
  name: "tmdb_movies",
  zone: "trusted",
  location: "Trusted/TMDB/Parquet/tmdb_movies/",
  format: "parquet",
  columns: [{ name: "imdb_id", type: "VARCHAR" }],
  partitionKeys: [{ name: "dt", type: "DATE" }],
  rows: 256,
  producedBy: { cell: "trusted_tmdb_movies", inputs: ["Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json"] },
};

function open(locale: "en" | "pt-BR") {
  setLocale(locale);
  const h = harness(
    notebookOf([
      { id: "dim_date", kind: "transform" },
      { id: "fact_title_rating", kind: "transform" },
    ]),
    {
      handlers: {
        "catalog.list": () => ({ tables: [fact, dimDate, dimTitle, tmdbMovies] }),
        "query.run": () => ({ resultId: "sample", columns: [], rowCount: 0, rows: [], ms: 1 }),
      },
    },
  );
  renderWorkbench(h.wb);
  const side = screen.getByRole("complementary", { name: locale === "en" ? "Side panel" : "Painel lateral" });
  return { h, side };
}

async function openTable(side: HTMLElement, name: string) {
  await waitFor(() => expect(within(side).getByRole("button", { name })).toBeTruthy());
  await act(async () => within(side).getByRole("button", { name }).click());
  return within(side).getByRole("heading", { name });
}

const badges = (side: HTMLElement) =>
  [...side.querySelectorAll(".catalog-badge")].map((badge) => badge.textContent);
const facts = (side: HTMLElement) =>
  Object.fromEntries(
    [...side.querySelectorAll(".facts dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
  );
const columnRow = (side: HTMLElement, column: string) =>
  within(side).getByRole("rowheader", { name: column }).closest("tr") as HTMLTableRowElement;

describe("the lake browser's table details", () => {
  it("shows a fact table's role, keys, rows, location and lineage", async () => {
    const { h, side } = open("en");
    const heading = await openTable(side, "refined.fact_title_rating");
    expect(document.activeElement).toBe(heading);
    expect(badges(side)).toEqual(["Zone: REFINED", "Role: fact"]);
    expect(facts(side)).toEqual({
      Rows: "384",
      Format: "parquet",
      Location: "Refined/fact_title_rating/",
      "Primary key": "title_key",
    });
    within(side).getByRole("table", { name: "Columns of refined.fact_title_rating" });
    expect(columnRow(side, "title_key").textContent).toBe(
      "title_keybigintprimary key→ references refined.dim_title.title_key",
    );
    expect(columnRow(side, "release_date_key").textContent).toBe(
      "release_date_keybigint→ references refined.dim_date.date_key",
    );
    const lineage = side.querySelector(".table-lineage") as HTMLElement;
    expect(lineage.textContent).toBe(
      "Made by cell fact_title_rating from refined.dim_title, trusted.movies, trusted.series, trusted.tmdb_movies, trusted.tmdb_series",
    );
    // Only what the catalog holds opens; the rest stays a name.
    expect(
      within(lineage)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-label") ?? b.textContent),
    ).toEqual(["Made by cell fact_title_rating", "Open refined.dim_title", "Open trusted.tmdb_movies"]);

    await act(async () =>
      within(lineage).getByRole("button", { name: "Made by cell fact_title_rating" }).click(),
    );
    expect(h.wb.ui.get().selectedId).toBe("fact_title_rating");
  });

  it("follows a foreign key to the table it references", async () => {
    const { side } = open("en");
    await openTable(side, "refined.fact_title_rating");
    const row = columnRow(side, "release_date_key");
    await act(async () => within(row).getByRole("button", { name: "Open refined.dim_date" }).click());
    const heading = within(side).getByRole("heading", { name: "refined.dim_date" });
    expect(document.activeElement).toBe(heading);
    expect(badges(side)).toEqual(["Zone: REFINED", "Role: dimension"]);
    expect(columnRow(side, "date_key").textContent).toBe("date_keybigintprimary key");
  });

  it("marks partition keys, and leaves file inputs as plain names", async () => {
    const { side } = open("en");
    await openTable(side, "trusted.tmdb_movies");
    expect(badges(side)).toEqual(["Zone: TRUSTED"]);
    expect(facts(side)["Partitioned by"]).toBe("dt");
    expect(columnRow(side, "dt").textContent).toBe("dtdatepartition key");
    const lineage = side.querySelector(".table-lineage") as HTMLElement;
    expect(lineage.textContent).toBe(
      "Made by cell trusted_tmdb_movies from Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json",
    );
    // trusted_tmdb_movies is not a cell of this notebook: nothing to select.
    expect(within(lineage).queryByRole("button")).toBeNull();
  });

  it("speaks Brazilian Portuguese", async () => {
    const { side } = open("pt-BR");
    await openTable(side, "refined.fact_title_rating");
    expect(badges(side)).toEqual(["Zona: REFINED", "Papel: fato"]);
    expect(facts(side)["Chave primária"]).toBe("title_key");
    within(side).getByRole("table", { name: "Colunas de refined.fact_title_rating" });
    expect(columnRow(side, "title_key").textContent).toBe(
      "title_keybigintchave primária→ referencia refined.dim_title.title_key",
    );
    expect(side.querySelector(".table-lineage")?.textContent).toContain(
      "Feita pela célula fact_title_rating a partir de refined.dim_title, trusted.movies",
    );
    expect(within(side).getAllByRole("button", { name: "Abrir refined.dim_title" })).toHaveLength(2);
  });
});
