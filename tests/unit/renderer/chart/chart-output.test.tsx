// @vitest-environment jsdom

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellOutputSchema, type ChartOutput as ChartOutputData } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { ChartOutput } from "../../../../renderer/src/outputs/chart/ChartOutput";
import { hasRenderer } from "../../../../renderer/src/outputs/registry";
import { WorkbenchProvider } from "../../../../renderer/src/state/workbench-context";
import { setThemePreference } from "../../../../renderer/src/theme/theme";
import { notebookOf } from "../helpers/fake-service";
import { harness } from "../helpers/workbench";

// Vega cannot draw in jsdom: the one module that loads it is replaced by a recorder.
const draws = vi.hoisted(() => ({
  calls: [] as { spec: Record<string, unknown>; theme: string; finalized: boolean }[],
  fail: null as string | null,
}));
vi.mock("../../../../renderer/src/outputs/chart/embed-chart", () => ({
  drawChart: async (element: HTMLElement, spec: Record<string, unknown>, theme: string) => {
    if (draws.fail) throw new Error(draws.fail);
    const call = { spec, theme, finalized: false };
    draws.calls.push(call);
    element.innerHTML = "<svg><g class='mark-rect'></g></svg>";
    return {
      toImageURL: async (type: string) => `data:image/${type};base64,AAAA`,
      finalize: () => {
        call.finalized = true;
      },
    };
  },
}));

/** A real output, recorded from the demo's votes_heatmap (aggregated in the engine). */
const here = path.dirname(fileURLToPath(import.meta.url));
const parsed = CellOutputSchema.parse(
  JSON.parse(readFileSync(path.join(here, "fixtures", "demo.votes_heatmap.chart-output.json"), "utf8")),
);
if (parsed.type !== "chart") throw new Error("fixture is not a chart output");
const heatmap: ChartOutputData = parsed;
const cut: ChartOutputData = {
  ...heatmap,
  pushedDown: false,
  sourceRows: 120_000,
  sentRows: 50_000,
  warnings: ["Only the first 50,000 of 120,000 rows were sent to the chart."],
};

// The output reads its cell's `kpi` flag from the open notebook, so it is drawn inside a workbench.
const inWorkbench = (output: ChartOutputData) =>
  h(WorkbenchProvider, {
    workbench: harness(notebookOf([{ id: "votes_heatmap", kind: "chart" }])).wb,
    // biome-ignore lint/correctness/noChildrenProp: createElement without JSX; the provider's props type requires children
    children: h(ChartOutput, { cellId: "votes_heatmap", output }),
  });
const draw = (output: ChartOutputData = heatmap) => render(inWorkbench(output));
const group = () => screen.getByRole("group", { name: "Chart drawn by votes_heatmap" });

beforeEach(() => {
  setLocale("en");
  setThemePreference("light");
  draws.calls = [];
  draws.fail = null;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("the chart output", () => {
  it("is the registered renderer for chart outputs", () => {
    expect(hasRenderer(heatmap)).toBe(true);
  });

  it("draws the spec, says the rows were aggregated in the engine, and folds the SQL", async () => {
    draw();
    await waitFor(() => expect(group().querySelector('[data-chart-view="drawn"] svg')).not.toBeNull());
    // The spec as written, made as wide as its cell (a width it sets itself is kept).
    expect(draws.calls[0]?.spec).toEqual({
      ...heatmap.spec,
      width: "container",
      autosize: { type: "fit-x", contains: "padding" },
    });
    expect(draws.calls[0]?.theme).toBe("light");
    expect(within(group()).getByText("862 rows aggregated in the engine to 101")).toBeTruthy();
    const sql = within(group()).getByText("SQL that ran").closest("details") as HTMLDetailsElement;
    expect(sql.open).toBe(false);
    expect(sql.textContent).toContain("GROUP BY");
    expect(within(group()).getByRole("button", { name: "Copy the SQL of votes_heatmap" })).toBeTruthy();
  });

  it("says how many rows were sent when nothing was aggregated, with the warnings", async () => {
    draw(cut);
    expect(within(group()).getByText("50,000 of 120,000 rows sent")).toBeTruthy();
    expect(within(group()).getByText("Warnings (1)")).toBeTruthy();
    expect(within(group()).getByText(/Only the first 50,000/)).toBeTruthy();
    await waitFor(() => expect(draws.calls).toHaveLength(1));
  });

  it("exports PNG and SVG once drawn, as files named after the cell", async () => {
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    draw();
    const svg = within(group()).getByRole("button", { name: "Export SVG of votes_heatmap" });
    const png = within(group()).getByRole("button", { name: "Export PNG of votes_heatmap" });
    expect(svg.textContent).toBe("Export SVG");
    await waitFor(() => expect((svg as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(svg));
    await act(async () => fireEvent.click(png));
    expect(clicked).toEqual([
      { href: "data:image/svg;base64,AAAA", download: "votes_heatmap.svg" },
      { href: "data:image/png;base64,AAAA", download: "votes_heatmap.png" },
    ]);
  });

  it("redraws when the output changes (a rerun) or the theme does, finalizing the old view", async () => {
    const view = draw();
    await waitFor(() => expect(draws.calls).toHaveLength(1));
    view.rerender(inWorkbench({ ...heatmap, spec: { ...heatmap.spec } }));
    await waitFor(() => expect(draws.calls).toHaveLength(2));
    expect(draws.calls[0]?.finalized).toBe(true);
    act(() => setThemePreference("dark"));
    await waitFor(() => expect(draws.calls).toHaveLength(3));
    expect(draws.calls[2]?.theme).toBe("dark");
  });

  it("shows why a chart could not be drawn", async () => {
    draws.fail = "Unrecognized signal name";
    draw();
    expect((await within(group()).findByRole("alert")).textContent).toBe(
      "The chart could not be drawn: Unrecognized signal name",
    );
    expect(
      (within(group()).getByRole("button", { name: "Export SVG of votes_heatmap" }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it("speaks Brazilian Portuguese", async () => {
    setLocale("pt-BR");
    draw();
    expect(screen.getByRole("group", { name: "Gráfico desenhado por votes_heatmap" })).toBeTruthy();
    expect(screen.getByText("862 linhas agregadas no motor em 101")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Exportar SVG de votes_heatmap" })).toBeTruthy();
    await waitFor(() => expect(draws.calls).toHaveLength(1));
  });
});
