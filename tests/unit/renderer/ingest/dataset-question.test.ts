// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DataFileUpload } from "../../../../pipeline/contract";
import { MOVIES_COLUMNS } from "../../../../pipeline/lake/dataset-columns";
import { ingestDatasetOf } from "../../../../renderer/src/cells/ingest/ingest-settings-edit";
import { uploadIntoCell } from "../../../../renderer/src/cells/ingest/upload-into-cell";
import { setLocale } from "../../../../renderer/src/i18n";
import type { DataFileUploadRequest } from "../../../../renderer/src/service/transport";
import { notebookOf } from "../helpers/fake-service";
import { type Harness, harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

const moviesCsv = `${MOVIES_COLUMNS.join("|")}\ntt1|A|A|1999|90|Horror|5.1|10|actor|\\N|X|1950|\\N|actor|tt2\n`;
const moviesFile = () => new File([moviesCsv], "movies.csv", { type: "text/csv" });
const SERIES_CELL = "dataset: series\nfile: data/series.csv\ndate: 2026-01-05";

let h: Harness;
let requests: DataFileUploadRequest[];

function open(source = SERIES_CELL) {
  setLocale("en");
  h = harness(notebookOf([{ id: "series_in", kind: "ingest", source }]));
  requests = [];
  vi.spyOn(h.wb.client, "canUploadDataFiles").mockReturnValue(true);
  vi.spyOn(h.wb.client, "uploadDataFile").mockImplementation(async (request): Promise<DataFileUpload> => {
    requests.push(request);
    return {
      path: `data/${request.name}`,
      bytes: 10,
      sha256: "a".repeat(64),
      replaced: false,
      unchanged: false,
    };
  });
}
const sourceOf = () => h.wb.doc.get().notebook.cells[0]?.source;
const drop = () => {
  const article = document.querySelector('[data-cell-id="series_in"]') as HTMLElement;
  fireEvent.drop(article, { dataTransfer: { files: [moviesFile()], types: ["Files"] } });
};
const question = () => screen.findByRole("dialog", { name: "Is movies.csv Movies or Series?" });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("a movies file dropped on the series cell asks first", () => {
  it("sends nothing and changes nothing until answered", async () => {
    open();
    const outcome = await uploadIntoCell(h.wb, "series_in", moviesFile());
    expect(outcome).toEqual({ kind: "askDataset", fileDataset: "movies", cellDataset: "series" });
    expect(requests).toEqual([]);
    expect(sourceOf()).toBe(SERIES_CELL);
    expect(h.wb.doc.get().past).toEqual([]);
  });

  it("an accessible dialog: Keep series uploads the file and keeps dataset: series", async () => {
    open();
    renderWorkbench(h.wb);
    drop();
    const dialog = await question();
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(dialog.textContent).toContain("this cell says dataset: series");
    expect(sourceOf()).toBe(SERIES_CELL);
    expect(requests).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Keep Series" }));
    await waitFor(() => expect(sourceOf()).toBe("dataset: series\nfile: data/movies.csv\ndate: 2026-01-05"));
    expect(requests).toHaveLength(1);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("Switch to movies rewrites dataset: with the file", async () => {
    open();
    renderWorkbench(h.wb);
    drop();
    await question();
    fireEvent.click(screen.getByRole("button", { name: "Switch to Movies" }));
    await waitFor(() => expect(sourceOf()).toBe("dataset: movies\nfile: data/movies.csv\ndate: 2026-01-05"));
  });

  it("Cancel, Escape or the letters typed meanwhile change nothing", async () => {
    open();
    renderWorkbench(h.wb);
    drop();
    const dialog = await question();
    // A command-mode letter pressed in the dialog is not "delete cell" or "insert below".
    await act(async () => {
      fireEvent.keyDown(dialog, { key: "b" });
    });
    expect(h.wb.doc.get().notebook.cells).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Cancel, change nothing" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    drop();
    fireEvent.keyDown(await question(), { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(sourceOf()).toBe(SERIES_CELL);
    expect(requests).toEqual([]);
  });

  it("asks in Portuguese too, and does not ask when the cell names no dataset or the same one", async () => {
    open();
    renderWorkbench(h.wb);
    act(() => setLocale("pt-BR"));
    drop();
    await screen.findByRole("dialog", { name: "movies.csv é Filmes ou Séries?" });
    expect(screen.getByRole("button", { name: "Manter Séries" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mudar para Filmes" })).toBeTruthy();
    cleanup();
    open("file: data/x.csv");
    expect((await uploadIntoCell(h.wb, "series_in", moviesFile())).kind).toBe("uploaded");
    expect(sourceOf()).toBe("dataset: movies\nfile: data/movies.csv");
    open("dataset: movies # the big one");
    expect((await uploadIntoCell(h.wb, "series_in", moviesFile())).kind).toBe("uploaded");
  });

  it("reads the cell's dataset as written, block or flow style", () => {
    expect(ingestDatasetOf("dataset: series # from the header\nfile: x")).toBe("series");
    expect(ingestDatasetOf('dataset: "movies"')).toBe("movies");
    expect(ingestDatasetOf("{dataset: series, file: data/s.csv}")).toBe("series");
    expect(ingestDatasetOf("file: data/s.csv")).toBeUndefined();
    expect(ingestDatasetOf("")).toBeUndefined();
  });
});
