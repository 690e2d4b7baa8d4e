import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import type { Session } from "./session";

const sessions = browserSessions();
let session: Session;

describe("the notebook's outline", () => {
  it("lists the demo's headings and jumps to the cell of the one chosen", async () => {
    session = sessions.start();
    const served = await session.serve(await session.project());
    const page = await session.open(served.url);
    await page.getByRole("tab", { name: "Outline" }).click();
    const outline = page.getByRole("navigation", { name: "Outline" });
    const stages = await outline.getByRole("button").allInnerTexts();
    expect(stages).toEqual(
      expect.arrayContaining([
        "Which horror subgenres do audiences prefer?",
        "Stage 4 — ask the model, chart it, publish it",
      ]),
    );
    await outline
      .getByRole("button", { name: "Go to Stage 4 — ask the model, chart it, publish it" })
      .click();
    const selected = page.locator(".cell.selected");
    await expect.poll(() => selected.innerText()).toContain("Stage 4 — ask the model");
    const box = await selected.boundingBox();
    expect(box && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0)).toBe(true);
  });
});
