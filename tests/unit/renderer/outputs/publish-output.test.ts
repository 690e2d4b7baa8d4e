// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PublishOutput as PublishOutputData } from "../../../../pipeline/contract";
import { CONSOLE_STEPS_REPLACED } from "../../../../pipeline/stages/publish/report";
import { setLocale } from "../../../../renderer/src/i18n";
import { CONSOLE_STEP_COUNT, publishEn } from "../../../../renderer/src/i18n/messages-publish";
import { RenderedOutput } from "../../../../renderer/src/outputs/registry";

beforeEach(() => setLocale("en"));
afterEach(() => cleanup());

const PLAN: PublishOutputData = {
  type: "publish",
  target: "local",
  dashboardName: "horror-subgenres",
  steps: [
    {
      kind: "permissions",
      name: "preflight",
      action: "check",
      state: "planned",
      details: ["AWS credentials: STS"],
    },
    { kind: "dataSource", name: "nb-athena", action: "createOrUpdate", state: "planned", details: [] },
    {
      kind: "dataSet",
      name: "nb-rating",
      action: "createOrUpdate",
      state: "planned",
      details: ["Columns from the catalog: subgenre STRING"],
    },
    {
      kind: "analysis",
      name: "nb-analysis",
      action: "createOrUpdate",
      state: "failed",
      details: ["Cannot be translated: layered: layer: a composed view"],
    },
    { kind: "dashboard", name: "nb", action: "createOrUpdate", state: "failed", details: [] },
  ],
  notes: ["Direct query: every view runs its SQL on Athena."],
  text: "Local target: nothing is sent to AWS.",
};

describe("the publish checklist", () => {
  it("lists each step with its state, the console steps folded, the text report kept", () => {
    render(h(RenderedOutput, { cellId: "quicksight", output: PLAN }));
    const steps = within(screen.getByRole("list", { name: "Publish steps" })).getAllByRole("listitem", {
      name: "",
    });
    const rows = steps.filter((li) => li.classList.contains("publish-step"));
    expect(rows.map((li) => li.dataset.state)).toEqual(["planned", "planned", "planned", "failed", "failed"]);
    expect(rows[2]?.textContent).toContain("Dataset");
    expect(rows[2]?.textContent).toContain("nb-rating");
    expect(rows[2]?.textContent).toContain("will be created or updated");
    expect(rows[3]?.textContent).toContain("Failed");
    const console = screen.getByText("The QuickSight console steps this click replaces").closest("details");
    expect(console?.open).toBe(false);
    expect(console?.querySelectorAll("li")).toHaveLength(CONSOLE_STEPS_REPLACED.length);
    expect(screen.getByText("Local target: nothing is sent to AWS.")).toBeTruthy();
  });

  it("says the same console steps as the CLI's report, and speaks Portuguese", () => {
    expect(CONSOLE_STEP_COUNT).toBe(CONSOLE_STEPS_REPLACED.length);
    CONSOLE_STEPS_REPLACED.forEach((step, i) => {
      expect(publishEn[`publish.console.${i + 1}` as keyof typeof publishEn]).toBe(step);
    });
    setLocale("pt-BR");
    render(
      h(RenderedOutput, {
        cellId: "quicksight",
        output: { ...PLAN, target: "aws", dashboardUrl: "https://q/d" },
      }),
    );
    expect(screen.getByRole("list", { name: "Passos da publicação" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Abrir o painel" }).getAttribute("href")).toBe("https://q/d");
    expect(screen.getAllByText("Falhou")).toHaveLength(2);
  });
});
