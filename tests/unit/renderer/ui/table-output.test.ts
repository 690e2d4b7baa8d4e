// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { QueryResult, Row } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { TableOutput } from "../../../../renderer/src/ui/table/TableOutput";
import {
  MAX_SCROLL_HEIGHT,
  rowWindow,
  scrollTopForRow,
} from "../../../../renderer/src/ui/table/virtual-window";

afterEach(cleanup);

const ROWS = 1_000_000;
const VIEWPORT = 280;
const ROW_HEIGHT = 28;
const rowAt = (i: number): Row => ({ n: i, label: `row ${i}`, maybe: i % 7 === 0 ? null : "x" });

function millionRowResult(): QueryResult {
  return {
    resultId: "r-million",
    columns: [
      { name: "n", type: "BIGINT" },
      { name: "label", type: "VARCHAR" },
      { name: "maybe", type: "VARCHAR" },
    ],
    rowCount: ROWS,
    rows: Array.from({ length: 100 }, (_, i) => rowAt(i)),
    ms: 12,
  };
}

function renderTable() {
  setLocale("en");
  const onExportCsv = vi.fn();
  const fetchPage = vi.fn(async (offset: number, limit: number) =>
    Array.from({ length: Math.min(limit, ROWS - offset) }, (_, i) => rowAt(offset + i)),
  );
  const view = render(
    h(TableOutput, {
      result: millionRowResult(),
      label: "Result of q",
      fetchPage,
      onExportCsv,
      initialViewportHeight: VIEWPORT,
      settleMs: 0,
    }),
  );
  const scroller = screen.getByRole("table", { name: "Result of q" });
  const scrollTo = (top: number) => {
    Object.defineProperty(scroller, "scrollTop", { value: top, configurable: true, writable: true });
    fireEvent.scroll(scroller);
  };
  return { ...view, fetchPage, onExportCsv, scroller, scrollTo };
}

const drawnRows = (scroller: HTMLElement) => [
  ...scroller.querySelectorAll('[role="rowgroup"].table-body [role="row"]'),
];

describe("TableOutput over a 1,000,000-row result", () => {
  it("draws only the rows on screen, from the first page that came with the result", () => {
    const { scroller, fetchPage } = renderTable();
    const rows = drawnRows(scroller);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(VIEWPORT / ROW_HEIGHT) + 1 + 10);
    expect(rows[0]?.textContent).toContain("row 0");
    expect(fetchPage).not.toHaveBeenCalled();
    expect(scroller.getAttribute("aria-rowcount")).toBe(String(ROWS + 1));
  });

  it("shows column names with their types, and offers the CSV export", () => {
    const { onExportCsv } = renderTable();
    const headers = screen.getAllByRole("columnheader").map((c) => c.textContent);
    expect(headers).toEqual(["Row", "nbigint", "labelstring", "maybestring"]);
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(onExportCsv).toHaveBeenCalledTimes(1);
  });

  it("caps the scroll height and scales it, so every row stays reachable", () => {
    const { scroller } = renderTable();
    const body = scroller.querySelector<HTMLElement>(".table-body");
    expect(Number.parseFloat(body?.style.height ?? "0")).toBe(MAX_SCROLL_HEIGHT);
    const geometry = { viewportHeight: VIEWPORT, rowCount: ROWS, rowHeight: ROW_HEIGHT };
    const bottom = rowWindow({ ...geometry, scrollTop: MAX_SCROLL_HEIGHT, overscan: 0 });
    expect(bottom.last).toBe(ROWS);
    const middle = rowWindow({ ...geometry, scrollTop: scrollTopForRow(500_000, geometry), overscan: 0 });
    expect(middle.first).toBe(500_000);
  });

  it("scrolled to row 500,000 it fetches only the pages it needs and keeps only visible rows in the DOM", async () => {
    const { scroller, fetchPage, scrollTo } = renderTable();
    const geometry = { viewportHeight: VIEWPORT, rowCount: ROWS, rowHeight: ROW_HEIGHT };
    await act(async () => scrollTo(scrollTopForRow(500_000, geometry)));
    await waitFor(() => expect(drawnRows(scroller)[10]?.textContent).toContain("row 500000"));
    const offsets = fetchPage.mock.calls.map(([offset]) => offset).sort((a, b) => a - b);
    // Rows 499,990 – 500,020 (ten rows of overscan either side) sit on pages 4,999 and 5,000.
    expect(offsets).toEqual([499_900, 500_000]);
    expect(fetchPage.mock.calls.every(([, limit]) => limit === 100)).toBe(true);
    const rows = drawnRows(scroller);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(VIEWPORT / ROW_HEIGHT) + 1 + 20);
    expect(rows[0]?.getAttribute("aria-rowindex")).toBe(String(499_990 + 2));
    expect(scroller.textContent).not.toContain("row 0");
  });

  it("jumps with “Go to row” and shows NULL for nulls", async () => {
    const { scroller, fetchPage } = renderTable();
    const input = screen.getByLabelText("Go to row");
    fireEvent.change(input, { target: { value: "999999" } });
    await act(async () => {
      fireEvent.submit(input.closest("form") as HTMLFormElement);
    });
    await waitFor(() => expect(scroller.textContent).toContain("row 999998"));
    expect(fetchPage.mock.calls.map(([offset]) => offset)).toContain(999_900);
    expect(scroller.querySelector('[role="row"][aria-busy="true"]')).toBeNull();
    expect(scroller.textContent).toContain("NULL");
  });
});
