// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CourseCheckResult } from "../../../../pipeline/contract";
import type { Notebook } from "../../../../pipeline/document";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

afterEach(cleanup);

/** What a check of a lake with a duplicated key answers, as the service sends it. */
const RESULT: CourseCheckResult = {
  ok: false,
  rules: [
    {
      id: "refined.primary-keys",
      stage: 3,
      title: "Every REFINED primary key is unique and never NULL",
      pass: false,
      evidence: ["refined.dim_date (date_key): 1,234 rows, 2 duplicated keys, 0 NULL keys", "a line of data"],
      evidenceMessages: [
        {
          code: "refined.key-counts",
          params: { table: "refined.dim_date", key: "date_key", rows: 1234, dupes: 2, nulls: 0 },
        },
        null,
      ],
      hint: "A duplicated key usually means …",
      hintMessage: { code: "refined.primary-keys.hint" },
      cellId: "dim_date",
    },
  ],
  cost: {
    engine: "athena",
    queries: 9,
    note: "This check ran 9 Athena queries. …",
    noteMessage: { code: "cost.athena", params: { n: 9 } },
  },
};

const AWS_TARGET = { kind: "aws", bucket: "horror-lake", region: "eu-west-1" };
function workbenchOn(target: Record<string, unknown>) {
  const notebook: Notebook = notebookOf([{ id: "q", kind: "sql", source: "SELECT 1" }]);
  notebook.meta = { ...notebook.meta, target };
  const h = harness(notebook, { handlers: { "course.check": () => RESULT } });
  renderWorkbench(h.wb);
  return h;
}

async function openChecklist(title: string) {
  fireEvent.click(screen.getByText(title));
  // <details> toggles on the click in a browser; jsdom needs the attribute and the event.
  const panel = document.querySelector<HTMLDetailsElement>(".course-panel");
  if (panel && !panel.open) {
    panel.open = true;
    await act(async () => {
      panel.dispatchEvent(new Event("toggle"));
    });
  }
  return panel as HTMLDetailsElement;
}

describe("the course checklist", () => {
  it("on an aws target checks only on Check now, and says what the check cost, in pt-BR", async () => {
    setLocale("pt-BR");
    const h = workbenchOn(AWS_TARGET);
    const panel = await openChecklist("Checklist do curso");
    await h.settle(20);
    expect(h.service.callsOf("course.check")).toHaveLength(0);
    const afterRuns = screen.getByLabelText("Verificar após cada execução") as HTMLInputElement;
    expect(afterRuns.checked).toBe(false);
    expect(panel.querySelector(".course-intro")?.textContent).toContain("10 MB");

    h.service.emit({
      type: "run.finished",
      runId: "r",
      result: { id: "q", kind: "sql", status: "ok", ms: 1, summary: "" },
    });
    await h.settle(20);
    expect(h.service.callsOf("course.check")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Verificar agora" }));
    await waitFor(() => expect(h.service.callsOf("course.check")).toHaveLength(1));
    await waitFor(() => expect(panel.querySelector(".course-cost")).not.toBeNull());
    expect(panel.querySelector(".course-cost")?.textContent).toContain("9 consultas no Athena");
    const evidence = [...panel.querySelectorAll(".course-evidence li")].map((li) => li.textContent);
    expect(evidence).toEqual([
      "refined.dim_date (date_key): 1.234 linhas, 2 chaves duplicadas, 0 chaves NULL",
      "a line of data",
    ]);
    expect(panel.querySelector(".course-hint")?.textContent).toContain("Uma chave duplicada");
  });

  it("on a local lake checks when opened and after every run", async () => {
    setLocale("en");
    const h = workbenchOn({ kind: "local" });
    await openChecklist("Course checklist");
    await waitFor(() => expect(h.service.callsOf("course.check")).toHaveLength(1));
    expect((screen.getByLabelText("Check after every run") as HTMLInputElement).checked).toBe(true);
    h.service.emit({
      type: "run.finished",
      runId: "r",
      result: { id: "q", kind: "sql", status: "ok", ms: 1, summary: "" },
    });
    await waitFor(() => expect(h.service.callsOf("course.check")).toHaveLength(2));
    const evidence = [...document.querySelectorAll(".course-evidence li")].map((li) => li.textContent);
    expect(evidence[0]).toBe("refined.dim_date (date_key): 1,234 rows, 2 duplicated keys, 0 NULL keys");
  });
});
