// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { ErrorOutput } from "../../../../renderer/src/ui/ErrorOutput";

afterEach(cleanup);

describe("ErrorOutput in pt-BR", () => {
  it("says the error by its code, and keeps the service's English under Details", () => {
    setLocale("pt-BR");
    const { container } = render(
      h(ErrorOutput, {
        error: {
          code: "CSV_WRONG_DELIMITER",
          message: "movies.csv: the header has no | (it looks comma-separated)",
          hint: "The challenge's files are pipe-delimited.",
          retryable: false,
          params: { file: "movies.csv" },
        },
      }),
    );
    expect(container.querySelector(".error-message")?.textContent).toBe(
      "O arquivo movies.csv não usa | como separador.",
    );
    expect(container.querySelector(".error-hint")?.textContent).toContain("separados por | (pipe)");
    const original = container.querySelector(".error-original");
    expect(original?.getAttribute("lang")).toBe("en");
    expect(original?.textContent).toContain("it looks comma-separated");
  });

  it("shows an error whose code it does not know as the service wrote it", () => {
    setLocale("pt-BR");
    const { container } = render(
      h(ErrorOutput, {
        error: { code: "SOMETHING_NEW", message: "As sent", hint: "Hint as sent", retryable: false },
      }),
    );
    expect(container.querySelector(".error-message")?.textContent).toBe("As sent");
    expect(container.querySelector(".error-original")).toBeNull();
  });
});
