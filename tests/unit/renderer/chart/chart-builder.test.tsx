// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dashboardExport } from "../../../../renderer/src/commands/export-dashboard";
import { setLocale } from "../../../../renderer/src/i18n";
import { ServiceCallError } from "../../../../renderer/src/service/transport";
import { notebookOf } from "../helpers/fake-service";
import { type Harness, harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));
vi.mock("../../../../renderer/src/outputs/chart/embed-chart", () => ({
  drawChart: async () => ({ toImageURL: async () => "data:,", finalize: () => {} }),
}));

const SPEC = `{
  "mark": "bar",
  "encoding": {
    "x": { "field": "subgenre", "type": "nominal" },
    "y": { "field": "titles", "type": "quantitative", "title": "Titles" },
    "tooltip": [{ "field": "subgenre", "type": "nominal" }]
  }
}`;

/** What `top` returns: the columns the builder offers. */
const topResult = {
  status: "ok" as const,
  output: {
    type: "table" as const,
    result: {
      resultId: "r1",
      columns: [
        { name: "subgenre", type: "VARCHAR" },
        { name: "titles", type: "BIGINT" },
      ],
      rowCount: 1,
      rows: [{ subgenre: "ghost", titles: 3 }],
      ms: 1,
    },
  },
};
const chartResult = {
  status: "ok" as const,
  output: {
    type: "chart" as const,
    spec: {},
    sourceRows: 1,
    sentRows: 1,
    pushedDown: false,
    sql: "SELECT 1",
    warnings: [],
  },
};

let h: Harness;

async function open(source = SPEC) {
  setLocale("en");
  h = harness(
    notebookOf([
      { id: "top", kind: "sql", source: "SELECT subgenre, count(*) AS titles FROM t GROUP BY 1" },
      { id: "chart_it", kind: "chart", source, attrs: [{ key: "source", value: "top" }] },
    ]),
    { deps: { chart_it: { reads: ["top"] } } },
  );
  h.outcome.top = topResult;
  h.outcome.chart_it = chartResult;
  renderWorkbench(h.wb);
  await h.settle(50);
}

const chartCell = () => within(document.querySelector('[data-cell-id="chart_it"]') as HTMLElement);
const sourceOf = () => h.wb.doc.get().notebook.cells[1]?.source ?? "";
async function openBuilder() {
  const summary = chartCell().getByText("Chart builder");
  (summary.closest("details") as HTMLDetailsElement).open = true;
  fireEvent(summary.closest("details") as HTMLElement, new Event("toggle"));
  return within(await chartCell().findByRole("group", { name: "Chart builder for chart_it" }));
}
async function runAndWait(ids: string[]) {
  act(() => h.wb.queue.enqueue(ids));
  await waitFor(() => expect(h.wb.queue.isBusy()).toBe(false));
  await h.settle(20);
}

afterEach(() => {
  cleanup();
  h?.wb.dispose();
  vi.restoreAllMocks();
  dashboardExport.set({ kind: "idle" });
});

describe("the chart builder", () => {
  it("reads the spec into the form and writes a new mark as pretty JSON, keeping the rest", async () => {
    await open();
    const builder = await openBuilder();
    const mark = builder.getByRole("combobox", { name: "Mark" }) as HTMLSelectElement;
    expect(mark.value).toBe("bar");
    expect((builder.getByRole("combobox", { name: "Y aggregate" }) as HTMLSelectElement).value).toBe("none");
    fireEvent.change(mark, { target: { value: "line" } });
    expect(JSON.parse(sourceOf())).toEqual({ ...JSON.parse(SPEC), mark: "line" });
    expect(sourceOf()).toMatch(/^\{\n {2}"mark": "line",\n {2}"encoding": \{\n {4}"x": \{/);
    // The edit went the way typing goes: the journal has it, then the save.
    await waitFor(() => expect(h.service.callsOf("notebook.journal").length).toBeGreaterThan(0));
    await waitFor(() => expect(h.service.callsOf("notebook.save").length).toBeGreaterThan(0));
    expect((builder.getByRole("combobox", { name: "Mark" }) as HTMLSelectElement).value).toBe("line");
  });

  it("lists the source cell's columns once it ran, and types a new field from them", async () => {
    await open();
    let builder = await openBuilder();
    // Not run yet: field names are typed by hand, with a hint.
    expect(
      builder.getByText("Run top to list its columns here; field names can be typed meanwhile."),
    ).toBeTruthy();
    const typed = builder.getByRole("textbox", { name: "Colour field" });
    fireEvent.change(typed, { target: { value: "subgenre" } });
    fireEvent.blur(typed);
    expect(JSON.parse(sourceOf()).encoding.color).toEqual({ field: "subgenre", type: "nominal" });
    await runAndWait(["top"]);
    builder = within(chartCell().getByRole("group", { name: "Chart builder for chart_it" }));
    const y = builder.getByRole("combobox", { name: "Y field" });
    expect([...y.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "(none)",
      "subgenre",
      "titles",
    ]);
    fireEvent.change(builder.getByRole("combobox", { name: "Y aggregate" }), { target: { value: "sum" } });
    expect(JSON.parse(sourceOf()).encoding.y).toEqual({
      field: "titles",
      type: "quantitative",
      title: "Titles",
      aggregate: "sum",
    });
    fireEvent.change(builder.getByRole("combobox", { name: "Sort" }), { target: { value: "by-value" } });
    expect(JSON.parse(sourceOf()).encoding.x.sort).toBe("-y");
  });

  it("asks for valid JSON before it can help", async () => {
    await open('{ "mark": "bar", ');
    const details = chartCell().getByText("Chart builder").closest("details") as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event("toggle"));
    expect(
      await chartCell().findByText(
        "The spec is not a JSON object yet: fix it in the editor to use the builder.",
      ),
    ).toBeTruthy();
  });
});

describe("a chart whose source runs again", () => {
  it("runs again by itself, unless its own spec changed since it drew", async () => {
    await open();
    await runAndWait(["top", "chart_it"]);
    const runs = () => (h.service.callsOf("cell.run") as { cellId: string }[]).map((c) => c.cellId);
    expect(runs()).toEqual(["top", "chart_it"]);
    await runAndWait(["top"]);
    await waitFor(() => expect(runs()).toEqual(["top", "chart_it", "top", "chart_it"]));
    // Mid-edit: the half-typed spec is not run behind the user's back.
    act(() => h.wb.doc.dispatch({ type: "editSource", id: "chart_it", source: `${SPEC} ` }));
    await runAndWait(["top"]);
    expect(runs()).toEqual(["top", "chart_it", "top", "chart_it", "top"]);
  });
});

describe("Export dashboard", () => {
  it("saves, downloads the HTML the service built, and says where it went", async () => {
    await open();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    globalThis.URL.createObjectURL ??= () => "blob:x";
    globalThis.URL.revokeObjectURL ??= () => {};
    vi.spyOn(h.wb.client, "canExportDashboard").mockReturnValue(true);
    const exported = vi
      .spyOn(h.wb.client, "exportDashboard")
      .mockResolvedValue({ html: new Blob(["<!doctype html>"]), fileName: "test.dashboard.html" });
    act(() => h.wb.doc.dispatch({ type: "editSource", id: "chart_it", source: `${SPEC}\n` }));
    const button = await screen.findByRole("button", { name: "Export dashboard" });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(clicked).toEqual(["test.dashboard.html"]));
    expect(exported).toHaveBeenCalledTimes(1);
    // Saved before the service read the notebook.
    expect(h.service.callsOf("notebook.save").length).toBeGreaterThan(0);
    expect(document.querySelector('[data-export-state="done"]')?.textContent).toBe(
      "Dashboard downloaded as test.dashboard.html",
    );
  });

  it("shows the service's error and hint when a chart fails", async () => {
    await open();
    vi.spyOn(h.wb.client, "canExportDashboard").mockReturnValue(true);
    vi.spyOn(h.wb.client, "exportDashboard").mockRejectedValue(
      new ServiceCallError(
        "DASHBOARD_CHART_FAILED",
        "Chart chart_it failed: no table t.",
        "Run the notebook first.",
        false,
      ),
    );
    // The button re-checks `when` on store changes; an edit is one.
    act(() => h.wb.doc.dispatch({ type: "editSource", id: "chart_it", source: `${SPEC}\n` }));
    const button = await screen.findByRole("button", { name: "Export dashboard" });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(button));
    await waitFor(() =>
      expect(document.querySelector('[data-export-state="failed"]')?.textContent).toBe(
        "The dashboard could not be exported: Chart chart_it failed: no table t. Run the notebook first.",
      ),
    );
  });

  it("is off where the host cannot build one (the desktop shell) or without chart cells", async () => {
    await open();
    vi.spyOn(h.wb.client, "canExportDashboard").mockReturnValue(false);
    act(() => h.wb.doc.dispatch({ type: "editSource", id: "top", source: "SELECT 2" }));
    expect(
      ((await screen.findByRole("button", { name: "Export dashboard" })) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
