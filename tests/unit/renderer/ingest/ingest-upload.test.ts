// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DataFileUpload } from "../../../../pipeline/contract";
import { SERIES_COLUMNS } from "../../../../pipeline/lake/dataset-columns";
import { setLocale } from "../../../../renderer/src/i18n";
import { type DataFileUploadRequest, ServiceCallError } from "../../../../renderer/src/service/transport";
import { notebookOf } from "../helpers/fake-service";
import { type Harness, harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

const seriesCsv = `${SERIES_COLUMNS.join("|")}\ntt1|A|A|1999|2001|30|Horror|5.1|10|actor|\\N|X|1950|\\N|actor|tt2\n`;
const seriesFile = () => new File([seriesCsv], "series-small.csv", { type: "text/csv" });
const answer = (name: string, extra: Partial<DataFileUpload> = {}): DataFileUpload => ({
  path: `data/${name}`,
  bytes: seriesCsv.length,
  sha256: "a".repeat(64),
  replaced: false,
  unchanged: false,
  ...extra,
});

let h: Harness;
let requests: DataFileUploadRequest[];
let respond: (request: DataFileUploadRequest) => Promise<DataFileUpload>;

function open(source = "dataset: movies\nfile: data/movies.csv\ndate: 2026-01-05", upload = true) {
  setLocale("en");
  h = harness(notebookOf([{ id: "ingest_it", kind: "ingest", source }]));
  requests = [];
  // The HTTP transport's upload is XHR (driven in Chromium by the e2e test); here the client's edge is faked.
  vi.spyOn(h.wb.client, "canUploadDataFiles").mockReturnValue(upload);
  vi.spyOn(h.wb.client, "uploadDataFile").mockImplementation(async (request) => {
    requests.push(request);
    return respond(request);
  });
  renderWorkbench(h.wb);
}

/** Inside the cell: the page's live region repeats announcements, so queries stay in the cell. */
const inCell = () => within(document.querySelector('[data-cell-id="ingest_it"]') as HTMLElement);
const sourceOf = () => h.wb.doc.get().notebook.cells[0]?.source;
const input = () => document.querySelector<HTMLInputElement>('[data-cell-id="ingest_it"] input[type="file"]');
const choose = (file: File) => fireEvent.change(input() as HTMLInputElement, { target: { files: [file] } });

beforeEach(() => {
  respond = async (request) => answer(request.name);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("choosing a CSV file for an ingest cell", () => {
  it("offers a named button that opens the file picker", () => {
    open();
    const button = screen.getByRole("button", { name: "Choose CSV file" });
    const click = vi.spyOn(input() as HTMLInputElement, "click");
    fireEvent.click(button);
    expect(click).toHaveBeenCalled();
    expect(input()?.accept).toBe(".csv,text/csv");
  });

  it("uploads the file with progress, then the cell reads data/<name> with the dataset from the header", async () => {
    let finish: () => void = () => {};
    respond = (request) =>
      new Promise((resolve) => {
        request.onProgress?.(60, 120);
        finish = () => resolve(answer(request.name));
      });
    open();
    choose(seriesFile());
    // The cell says movies, the header series: the user says which (dataset-question.test.ts).
    fireEvent.click(await screen.findByRole("button", { name: "Switch to Series" }));
    const bar = await screen.findByRole("progressbar", { name: "Uploading series-small.csv" });
    await waitFor(() => expect(bar.getAttribute("value")).toBe("60"));
    expect(bar.getAttribute("max")).toBe("120");
    expect(screen.getByText(/60 B of 120 B \(50%\)/)).toBeTruthy();
    expect(requests[0]?.name).toBe("series-small.csv");
    expect(requests[0]?.replace).toBeUndefined();
    await act(async () => finish());
    await waitFor(() =>
      expect(sourceOf()).toBe("dataset: series\nfile: data/series-small.csv\ndate: 2026-01-05"),
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(
      inCell().getByText(
        /data\/series-small\.csv uploaded .*the cell now reads it\. The header says Series\./,
      ),
    ).toBeTruthy();
  });

  it("asks before replacing a different file of the same name, and replaces only when told", async () => {
    respond = async (request) => {
      if (!request.replace) {
        throw new ServiceCallError(
          "DATA_FILE_EXISTS",
          "data/series-small.csv already exists with other content.",
          undefined,
          false,
        );
      }
      return answer(request.name, { replaced: true });
    };
    open("file: data/old.csv");
    choose(seriesFile());
    const replace = await screen.findByRole("button", { name: "Replace" });
    expect(inCell().getByText("Replace data/series-small.csv?")).toBeTruthy();
    expect(document.activeElement).toBe(replace);
    expect(sourceOf()).toBe("file: data/old.csv");
    fireEvent.click(replace);
    await waitFor(() => expect(sourceOf()).toBe("dataset: series\nfile: data/series-small.csv"));
    expect(requests.map((r) => r.replace ?? false)).toEqual([false, true]);
  });

  it("keeps the existing file when the user says so", async () => {
    respond = async () => {
      throw new ServiceCallError("DATA_FILE_EXISTS", "exists", undefined, false);
    };
    open("file: data/old.csv");
    choose(seriesFile());
    fireEvent.click(await screen.findByRole("button", { name: "Keep the existing file" }));
    expect(screen.queryByRole("button", { name: "Replace" })).toBeNull();
    expect(sourceOf()).toBe("file: data/old.csv");
    expect(requests).toHaveLength(1);
  });

  it("takes a file dropped anywhere on the cell", async () => {
    open("");
    const article = document.querySelector('[data-cell-id="ingest_it"]') as HTMLElement;
    const dataTransfer = { files: [seriesFile()], types: ["Files"], dropEffect: "none" };
    const over = fireEvent.dragOver(article, { dataTransfer });
    expect(over).toBe(false); // default prevented: the browser does not open the file itself
    expect(article.dataset.dropTarget).toBe("true");
    fireEvent.drop(article, { dataTransfer });
    await waitFor(() => expect(sourceOf()).toBe("dataset: series\nfile: data/series-small.csv"));
    expect(article.dataset.dropTarget).toBeUndefined();
  });

  it("ignores a drag that carries no file (text dragged from the editor)", () => {
    open();
    const article = document.querySelector('[data-cell-id="ingest_it"]') as HTMLElement;
    const over = fireEvent.dragOver(article, { dataTransfer: { files: [], types: ["text/plain"] } });
    expect(over).toBe(true);
    expect(article.dataset.dropTarget).toBeUndefined();
  });

  it("cancels an upload", async () => {
    respond = (request) =>
      new Promise((_, reject) =>
        request.signal?.addEventListener("abort", () =>
          reject(new ServiceCallError("CANCELLED", "The upload was cancelled.", undefined, true)),
        ),
      );
    open();
    choose(seriesFile());
    fireEvent.click(await screen.findByRole("button", { name: "Switch to Series" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel upload" }));
    expect(await inCell().findByText("Upload of series-small.csv cancelled.")).toBeTruthy();
    expect(sourceOf()).toBe("dataset: movies\nfile: data/movies.csv\ndate: 2026-01-05");
  });

  it("shows a refusal with the service's message and hint", async () => {
    respond = async () => {
      throw new ServiceCallError(
        "DATA_FILE_NAME_INVALID",
        'The file name ".env" starts with a dot.',
        "Give a plain file name.",
        false,
      );
    };
    open();
    choose(new File(["x"], ".env"));
    expect(
      await inCell().findByText('Could not upload .env: The file name ".env" starts with a dot.'),
    ).toBeTruthy();
    expect(inCell().getByText("Give a plain file name.")).toBeTruthy();
  });

  it("has no picker where the host cannot receive files (the desktop shell for now)", () => {
    open(undefined, false);
    expect(screen.queryByRole("button", { name: "Choose CSV file" })).toBeNull();
    expect(input()).toBeNull();
  });
});
