// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { ErrorOutput } from "../../../../renderer/src/ui/ErrorOutput";

afterEach(cleanup);

describe("ErrorOutput", () => {
  it("shows the message and the hint, with the code folded in <details>", () => {
    setLocale("en");
    const { container } = render(
      h(ErrorOutput, {
        error: {
          code: "CATALOG_TABLE_NOT_FOUND",
          message: "Table refined.dim_subgenre does not exist.",
          hint: "Run the transform cell that writes it first.",
          retryable: false,
        },
      }),
    );
    expect(screen.getByText("Table refined.dim_subgenre does not exist.")).toBeTruthy();
    expect(container.querySelector(".error-hint")?.textContent).toBe(
      "Hint: Run the transform cell that writes it first.",
    );
    const details = container.querySelector("details");
    expect(details).not.toBeNull();
    expect(details?.open).toBe(false);
    expect(details?.querySelector("summary")?.textContent).toBe("Details · CATALOG_TABLE_NOT_FOUND");
    expect(details?.querySelector("dd code")?.textContent).toBe("CATALOG_TABLE_NOT_FOUND");
  });

  it("works without a hint", () => {
    const { container } = render(
      h(ErrorOutput, { error: { code: "X", message: "Broken", retryable: true } }),
    );
    expect(container.querySelector(".error-hint")).toBeNull();
    expect(container.textContent).toContain("Trying again may work.");
  });
});
