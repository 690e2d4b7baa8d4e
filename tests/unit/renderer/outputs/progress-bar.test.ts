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
      "300,000 / 1,000,000 rows · 100,000 rows/s · about 7 s left",
    );
    expect(document.querySelector(".progress-message")?.textContent).toBe("movies.csv");
  });

  it("shows the TMDB cell's titles, and its message with requests/s, retries and ETA on a line of its own", () => {
    setLocale("en");
    const message = "118 found, 1 not found, 1 failed · 38.2 requests/s · 3 retries · ETA 1 min 20 s";
    render(
      h(ProgressBar, {
        cellId: "tmdb_enrich",
        progress: {
          done: 120,
          total: 384,
          unit: "titles",
          message,
          samples: [
            { at: 0, done: 100 },
            { at: 5000, done: 120 },
          ],
        },
      }),
    );
    const bar = screen.getByRole("progressbar", { name: "Progress of tmdb_enrich" }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([120, 384]);
    // The stage gives its own ETA: the bar does not add a second, different one.
    expect(document.querySelector(".progress-text")?.textContent).toBe("120 / 384 titles · 4 titles/s");
    expect(document.querySelector(".progress-message")?.textContent).toBe(message);
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
    expect(document.querySelector(".progress-message")).toBeNull();
    setLocale("en");
  });
});
