// @vitest-environment jsdom

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellOutputSchema, type IngestedFile } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { IngestOutput } from "../../../../renderer/src/outputs/ingest/IngestOutput";
import { hasRenderer } from "../../../../renderer/src/outputs/registry";

/** A real ingest output, recorded from the stage on a small movies file with 26 row problems. */
// A path, not a URL: jsdom replaces the global URL class, which node:fs does not accept.
const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = readFileSync(path.join(here, "fixtures", "movies-broken.ingest-output.json"), "utf8");
const output = CellOutputSchema.parse(JSON.parse(recorded));
if (output.type !== "ingest") throw new Error("fixture is not an ingest output");
const file = output.files[0] as IngestedFile;

function draw(files: IngestedFile[] = [file]) {
  return render(h(IngestOutput, { cellId: "ingest_broken", output: { type: "ingest", files } }));
}

beforeEach(() => setLocale("en"));
afterEach(cleanup);

describe("the ingest output", () => {
  it("is the registered renderer for ingest outputs", () => {
    expect(hasRenderer(output)).toBe(true);
  });

  it("shows the RAW key with the explanation of its pattern, the size, rows and SHA-256", () => {
    const { container } = draw();
    const box = screen.getByRole("group", { name: "What ingest_broken ingested" });
    expect(within(box).getByText("Raw/Local/CSV/Movies/2026/01/05/movies-broken.csv")).toBeTruthy();
    expect(container.querySelector(".ingest-path-explanation")?.textContent).toBe(file.pathExplanation);
    expect(file.pathExplanation).toContain("Raw/Local/CSV/<Movies|Series>/YYYY/MM/DD/<file>");
    expect(container.querySelector(".ingest-rows")?.textContent).toBe("40");
    expect(box.textContent).toContain("3.9 KB (3,968 bytes)");
    expect(container.querySelector(".ingest-sha")?.textContent).toBe(file.sha256);
    expect(screen.getByRole("button", { name: "Copy the SHA-256 of data/movies-broken.csv" })).toBeTruthy();
    expect(screen.queryByText("Already ingested")).toBeNull();
  });

  it("copies the SHA-256 and says so", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    draw();
    fireEvent.click(screen.getByRole("button", { name: "Copy the SHA-256 of data/movies-broken.csv" }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(file.sha256));
  });

  it("lists the warnings with their line numbers and codes, and how many more there are", () => {
    draw();
    expect(screen.getByText("Warnings: 26")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Warnings in data/movies-broken.csv" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(21);
    expect(rows[0]?.textContent).toContain("5");
    expect(rows[0]?.textContent).toContain("TOO_FEW_FIELDS");
    expect(rows[0]?.textContent).toContain("14 fields, expected 15");
    const notANumber = rows.find((row) => row.textContent?.includes("NOT_A_NUMBER"));
    expect(notANumber?.querySelector("td")?.textContent).toBe("32");
    expect(screen.getByText("5 more not shown.")).toBeTruthy();
    expect(screen.getByText(/By code/).textContent).toBe("By code: TOO_FEW_FIELDS 25, NOT_A_NUMBER 1");
  });

  it("says so when a file had no warnings, and marks an already ingested file", () => {
    draw([{ ...file, warnings: [], warningCount: 0, warningCounts: {}, alreadyIngested: true }]);
    expect(screen.getByText("No warnings: the file is as expected.")).toBeTruthy();
    expect(screen.getByText("Already ingested")).toBeTruthy();
    expect(screen.queryByRole("table", { name: /Warnings/ })).toBeNull();
  });

  it("shows the typed preview with column types, nulls as NULL", () => {
    draw();
    const table = screen.getByRole("table", { name: "Preview of data/movies-broken.csv" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(headers.slice(0, 5)).toEqual([
      "idtext",
      "tituloPincipaltext",
      "tituloOriginaltext",
      "anoLancamentointeger",
      "tempoMinutosinteger",
    ]);
    expect(headers[6]).toBe("notaMediadecimal");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(40);
    const first = within(rows[0] as HTMLElement)
      .getAllByRole("cell")
      .map((td) => td.textContent);
    expect(first.slice(0, 5)).toEqual(["tt1000000", "Filme 0", "Movie 0", "1970", "NULL"]);
    expect(screen.getByText("Preview: first 40 rows")).toBeTruthy();
  });

  it("profiles every column: null %, distinct, min, max and top values with counts", () => {
    draw();
    const table = screen.getByRole("table", { name: "Column profile of data/movies-broken.csv" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Column", "Type", "Null", "Distinct (≈)", "Min", "Max", "Top values (count)"]);
    const row = within(table).getByRole("rowheader", { name: "tempoMinutos" }).closest("tr") as HTMLElement;
    const cells = within(row)
      .getAllByRole("cell")
      .map((td) => td.textContent);
    const profile = file.profile?.columns.find((c) => c.name === "tempoMinutos");
    expect(cells).toEqual([
      "integer",
      "20%",
      String(profile?.distinct),
      String(profile?.min),
      String(profile?.max),
      profile?.top.map((top) => `${top.value} (${top.count})`).join(""),
    ]);
    expect(within(table).getAllByRole("row")).toHaveLength(16);
  });

  it("says why there is no profile when DuckDB could not read the file", () => {
    draw([{ ...file, profile: null, profileNote: "DuckDB could not parse line 7." }]);
    expect(screen.getByText("No profile: DuckDB could not parse line 7.")).toBeTruthy();
  });

  it("shows the boto3 script read-only under its caption, with a Copy button", () => {
    const { container } = draw();
    const details = screen
      .getByText("What this cell did, in Python with boto3")
      .closest("details") as HTMLElement;
    const code = details.querySelector("pre > code");
    expect(code?.textContent).toBe(file.boto3);
    expect(code?.textContent).toContain("s3.upload_file(");
    expect(code?.textContent).toContain('key = "Raw/Local/CSV/Movies/2026/01/05/movies-broken.csv"');
    expect(container.querySelector("textarea, [contenteditable]")).toBeNull();
    expect(
      within(details).getByRole("button", { name: "Copy the boto3 script for data/movies-broken.csv" }),
    ).toBeTruthy();
  });

  it("speaks Brazilian Portuguese, numbers included", () => {
    setLocale("pt-BR");
    draw([{ ...file, rows: 9575 }]);
    expect(screen.getByRole("group", { name: "O que ingest_broken ingeriu" })).toBeTruthy();
    expect(screen.getByText("9.575")).toBeTruthy();
    expect(screen.getByText("Avisos: 26")).toBeTruthy();
    expect(screen.getByText("Mais 5 não mostrados.")).toBeTruthy();
    expect(screen.getByText("O que esta célula fez, em Python com boto3")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copiar o SHA-256 de data/movies-broken.csv" })).toBeTruthy();
  });

  it("gives every control an accessible name", () => {
    const { container } = draw();
    for (const control of container.querySelectorAll("button, summary, [tabindex='0']")) {
      const name = control.getAttribute("aria-label") ?? control.textContent ?? "";
      const caption = control.querySelector("caption")?.textContent ?? "";
      expect(`${name}${caption}`.trim(), control.outerHTML.slice(0, 80)).not.toBe("");
    }
  });
});
