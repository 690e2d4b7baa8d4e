// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { ProgressBar } from "../../../../renderer/src/outputs/ProgressBar";

afterEach(cleanup);

describe("ProgressBar", () => {
  it("shows counts, rate and ETA for a long stage", () => {
    setLocale("en");
    render(
      h(ProgressBar, {
        cellId: "ingest_movies",
        progress: {
          done: 300_000,
          total: 1_000_000,
          unit: "rows",
          message: "movies.csv",
          samples: [
            { at: 0, done: 100_000 },
            { at: 2000, done: 300_000 },
          ],
        },
      }),
    );
    const bar = screen.getByRole("progressbar", { name: "Progress of ingest_movies" }) as HTMLProgressElement;
    expect(bar.value).toBe(300_000);
    expect(bar.max).toBe(1_000_000);
    expect(document.querySelector(".progress-text")?.textContent).toBe(
      "300,000 rows / 1,000,000 rows · 100,000 rows/s · about 7 s left — movies.csv",
    );
  });

  it("is indeterminate without a total, and speaks bytes as sizes", () => {
    setLocale("pt-BR");
    render(
      h(ProgressBar, {
        cellId: "up",
        progress: { done: 5 * 1024 * 1024, unit: "bytes", samples: [{ at: 0, done: 5 * 1024 * 1024 }] },
      }),
    );
    const bar = screen.getByRole("progressbar", { name: "Progresso de up" });
    expect(bar.hasAttribute("value")).toBe(false);
    expect(document.querySelector(".progress-text")?.textContent).toBe("5 MB");
    setLocale("en");
  });
});
