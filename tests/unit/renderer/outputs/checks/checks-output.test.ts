// @vitest-environment jsdom

import { act, cleanup, render, screen, within } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChecksOutput as ChecksOutputData, ChecksOutputSchema } from "../../../../../pipeline/contract";
import { setLocale } from "../../../../../renderer/src/i18n";
import { CellOutput } from "../../../../../renderer/src/outputs/CellOutput";
import { ChecksOutput } from "../../../../../renderer/src/outputs/checks/ChecksOutput";
import { writerCell } from "../../../../../renderer/src/outputs/checks/writer-cell";
import { hasRenderer } from "../../../../../renderer/src/outputs/registry";
import type { CellRun } from "../../../../../renderer/src/state/run-store";
import { WorkbenchProvider } from "../../../../../renderer/src/state/workbench-context";
import { notebookOf } from "../../helpers/fake-service";
import { type Harness, harness } from "../../helpers/workbench";

/** A check cell's output as the stage builds it: one table failing, one passing, one check that could not run. */
const output: ChecksOutputData = ChecksOutputSchema.parse({
  type: "checks",
  engine: "local",
  tables: [
    {
      table: "refined.dim_genre",
      checks: [
        {
          kind: "not_null",
          check: "genre_id is not null",
          params: { column: "genre_id" },
          status: "fail",
          failing: 1,
          samples: { columns: ["genre_id", "genre"], rows: [[null, "Mystery"]] },
          sql: "SELECT …",
        },
        {
          kind: "row_count",
          check: "row count ≥ 10",
          params: { min: 10 },
          status: "fail",
          failing: 1,
          tableRows: 3,
          samples: { columns: [], rows: [] },
          sql: "SELECT …",
        },
        {
          kind: "unique",
          check: "nope is unique",
          params: { columns: "nope" },
          status: "error",
          failing: 0,
          samples: { columns: [], rows: [] },
          error: { code: "SQL_BINDER", message: 'Referenced column "nope" not found' },
          sql: "SELECT …",
        },
      ],
    },
    {
      table: "refined.fact_title_genre",
      checks: [
        {
          kind: "references",
          check: "genre_id → refined.dim_genre.genre_id",
          params: { columns: "genre_id", table: "refined.dim_genre", refColumns: "genre_id" },
          status: "pass",
          failing: 0,
          samples: { columns: [], rows: [] },
          sql: "SELECT …",
        },
      ],
    },
  ],
  report: "refined.dim_genre\n  FAIL  genre_id is not null — 1 failing row",
});

let hn: Harness;
beforeEach(async () => {
  setLocale("en");
  hn = harness(
    notebookOf([
      { id: "build_genres", kind: "sql" },
      { id: "build_facts", kind: "transform" },
      { id: "model_checks", kind: "check" },
    ]),
    {
      deps: {
        build_genres: { writes: ["refined.dim_genre"] },
        model_checks: { reads: ["refined.dim_genre"] },
      },
    },
  );
  // The dependencies come from notebook.dependencies, asked once the workbench starts.
  await hn.settle(20);
  hn.wb.runs.set((s) => ({
    ...s,
    dependencies: [
      { id: "build_genres", reads: [], writes: ["refined.dim_genre"] },
      { id: "build_facts", reads: ["refined.dim_genre"], writes: ["refined.fact_title_genre"] },
      { id: "model_checks", reads: ["refined.dim_genre", "refined.fact_title_genre"], writes: [] },
    ],
  }));
});
afterEach(cleanup);

const mount = (node: ReturnType<typeof h>) =>
  // biome-ignore lint/correctness/noChildrenProp: createElement without JSX; the provider's props type requires children
  render(h(WorkbenchProvider, { workbench: hn.wb, children: node }));

const draw = () => mount(h(ChecksOutput, { cellId: "model_checks", output }));

/** The rows of a checked table's results, cell texts joined with " | ". */
const resultRows = (table: string) =>
  within(screen.getByRole("table", { name: `Checks on ${table}` }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent).join(" | "));

describe("the checks output", () => {
  it("is the registered renderer for checks outputs", () => {
    expect(hasRenderer(output)).toBe(true);
  });

  it("shows one table per checked table: the check, a result with a mark and a word, the evidence", () => {
    draw();
    expect(screen.getByRole("group", { name: "Data checks of model_checks" })).toBeTruthy();
    expect(resultRows("refined.dim_genre")).toEqual([
      "genre_id is not null | ✗ FAIL | 1 failing row",
      "row count ≥ 10 | ✗ FAIL | the table has 3 rows",
      'nope is unique | ! ERROR | Referenced column "nope" not found',
    ]);
    expect(resultRows("refined.fact_title_genre")).toEqual([
      "genre_id → refined.dim_genre.genre_id | ✓ PASS | no failing rows",
    ]);
    expect(screen.getByText(/^Fix the cell that builds the table/)).toBeTruthy();
  });

  it("shows a failing check's sample rows as a small table, NULL said as NULL", () => {
    draw();
    const samples = screen.getByRole("table", {
      name: "Failing rows of “genre_id is not null” on refined.dim_genre (first 1)",
    });
    expect(
      within(samples)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["genre_id", "genre"]);
    expect(
      within(samples)
        .getAllByRole("cell")
        .map((td) => td.textContent),
    ).toEqual(["NULL", "Mystery"]);
    // A count out of range has no sample rows: only the one failing check with rows gets a table.
    expect(screen.getAllByRole("table", { name: /^Failing rows/ })).toHaveLength(1);
  });

  it("goes to the cell that builds each table", async () => {
    draw();
    const goTo = screen.getByRole("button", { name: "Go to the cell that builds refined.dim_genre" });
    await act(async () => goTo.click());
    expect(hn.wb.ui.get().selectedId).toBe("build_genres");
    await act(async () =>
      screen.getByRole("button", { name: "Go to the cell that builds refined.fact_title_genre" }).click(),
    );
    expect(hn.wb.ui.get().selectedId).toBe("build_facts");
  });

  it("says the checks in Brazilian Portuguese by kind and params", () => {
    setLocale("pt-BR");
    draw();
    const rows = within(screen.getByRole("table", { name: "Verificações em refined.dim_genre" }))
      .getAllByRole("row")
      .slice(1)
      .map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent).join(" | "));
    expect(rows.slice(0, 2)).toEqual([
      "genre_id não é nulo | ✗ FALHOU | 1 linha com falha",
      "número de linhas ≥ 10 | ✗ FALHOU | a tabela tem 3 linhas",
    ]);
    expect(
      screen.getByRole("button", { name: "Ir para a célula que constrói refined.dim_genre" }),
    ).toBeTruthy();
  });

  it("under a failed run, shows the error's headline and the table, not the text report", () => {
    const run: CellRun = {
      status: "error",
      summary: "4 data checks: 1 passed, 2 failed, 1 could not run",
      error: {
        code: "CHECKS_FAILED",
        message:
          "4 data checks: 1 passed, 2 failed, 1 could not run: refined.dim_genre: genre_id is not null",
        hint: `${output.report}\nFix the cell that builds the table (or the check), then run both again.`,
        retryable: false,
      },
      output,
    };
    const { container } = mount(h(CellOutput, { cellId: "model_checks", run }));
    expect(container.querySelector(".error-message")?.textContent).toContain("4 data checks");
    expect(container.querySelector(".error-hint")).toBeNull();
    expect(container.textContent).not.toContain("FAIL  genre_id");
    expect(screen.getByRole("table", { name: "Checks on refined.dim_genre" })).toBeTruthy();
  });
});

describe("writerCell", () => {
  const deps = [
    { id: "a", reads: [], writes: ["refined.t"] },
    { id: "check", reads: ["refined.t"], writes: [] },
    { id: "b", reads: [], writes: ["REFINED.T"] },
  ];
  it("picks the last writer above the check cell, else the first anywhere, ignoring case", () => {
    expect(writerCell(deps, "refined.T", "check")).toBe("a");
    expect(writerCell(deps.slice(1), "refined.t", "check")).toBe("b");
    expect(writerCell(deps, "refined.other", "check")).toBeUndefined();
    expect(writerCell(null, "refined.t", "check")).toBeUndefined();
  });
});
