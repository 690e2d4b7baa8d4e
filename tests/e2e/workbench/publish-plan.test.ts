import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import { cell, screenshot, waitForStatus } from "./page-helpers";
import type { Session } from "./session";

/** The publish cell on the local target: its plan as a checklist, not a page of monospace. */

const sessions = browserSessions();
let session: Session;

describe("the publish plan", () => {
  it("lists the steps QuickSight would get, each planned, with the console steps folded", async () => {
    session = sessions.start();
    const served = await session.serve(await session.project());
    const page = await session.open(served.url, { viewport: { width: 1366, height: 768 } });
    const publish = cell(page, "quicksight");
    await page.getByRole("button", { name: "Run quicksight" }).click();
    expect(await waitForStatus(page, "quicksight", ["ok", "error"])).toBe("ok");

    const steps = publish.getByRole("list", { name: "Publish steps" }).locator(":scope > li");
    const states = await steps.evaluateAll((rows) =>
      rows.map((row) => `${(row as HTMLElement).dataset.kind} ${(row as HTMLElement).dataset.state}`),
    );
    expect(states[0]).toBe("permissions planned");
    expect(states[1]).toBe("dataSource planned");
    expect(states.filter((s) => s === "dataSet planned")).toHaveLength(4);
    expect(states.slice(-2)).toEqual(["analysis planned", "dashboard planned"]);
    await expect.poll(() => publish.innerText()).toContain("Local target: nothing is sent to AWS.");

    const console = publish.locator("details.publish-console");
    expect(await console.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await console.locator("summary").click();
    expect(await console.locator("li").count()).toBe(8);
    await screenshot(page, "publish-plan");
  }, 150_000);
});
