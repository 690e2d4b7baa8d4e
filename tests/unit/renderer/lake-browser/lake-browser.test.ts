// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CatalogTable } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

afterEach(cleanup);

const movies: CatalogTable = {
  database: "raw",
  name: "movies",
  zone: "raw",
  location: "Raw/Local/CSV/Movies/2025/01/15/",
  format: "csv",
  columns: [
    { name: "id", type: "VARCHAR" },
    { name: "tituloPincipal", type: "VARCHAR" },
  ],
  rows: 9575,
  producedBy: { cell: "ingest_movies", inputs: ["data/movies.csv"] },
};

describe("the lake browser", () => {
  it("shows the zones as trees with sizes, opens a table to its schema, sample and lineage", async () => {
    setLocale("en");
    const h = harness(notebookOf([{ id: "ingest_movies", kind: "ingest", source: "dataset: movies" }]), {
      handlers: {
        "catalog.list": () => ({ tables: [movies] }),
        "lake.list": ({ prefix }) => ({
          objects:
            prefix === "Raw/"
              ? [
                  {
                    key: "Raw/Local/CSV/Movies/2025/01/15/movies.csv",
                    size: 1_435_044,
                    lastModified: "2025-01-15T10:00:00Z",
                  },
                ]
              : [],
        }),
      },
    });
    h.service.handle("query.run", ({ sql }) => ({
      resultId: "sample-1",
      columns: movies.columns,
      rowCount: 2,
      rows: [
        { id: "tt0000009", tituloPincipal: "Miss Jerry" },
        { id: "tt0000147", tituloPincipal: "The Corbett-Fitzsimmons Fight" },
      ],
      ms: 3,
      ...(sql.includes("LIMIT 20") ? {} : { rowCount: 0 }),
    }));
    renderWorkbench(h.wb);
    const side = screen.getByRole("complementary", { name: "Side panel" });
    await waitFor(() => expect(within(side).getByText("raw.movies")).toBeTruthy());
    expect(side.textContent).toContain("RAW1.4 MB");
    expect(side.textContent).toContain("9,575 rows");
    expect(side.textContent).toContain("movies.csv1.4 MB");

    fireEvent.change(within(side).getByRole("searchbox", { name: "Search tables and columns" }), {
      target: { value: "titulo" },
    });
    await act(async () =>
      within(side).getByRole("button", { name: "raw.movies — column tituloPincipal" }).click(),
    );

    expect(within(side).getByRole("heading", { name: "raw.movies" })).toBeTruthy();
    expect(within(side).getByRole("rowheader", { name: "tituloPincipal" })).toBeTruthy();
    expect(side.textContent).toContain("Made by cell ingest_movies from data/movies.csv");
    await waitFor(() =>
      expect(within(side).getByRole("table", { name: "Sample rows" }).textContent).toContain("Miss Jerry"),
    );
    expect(h.service.callsOf("query.run")).toEqual([
      { sql: "SELECT * FROM raw.movies LIMIT 20", pageSize: 20 },
    ]);

    await act(async () => within(side).getByRole("button", { name: "Made by cell ingest_movies" }).click());
    expect(h.wb.ui.get().selectedId).toBe("ingest_movies");
    await act(async () => within(side).getByRole("button", { name: "← Back to the lake" }).click());
    expect(h.service.callsOf("query.release")).toEqual([{ resultId: "sample-1" }]);
  });
});
