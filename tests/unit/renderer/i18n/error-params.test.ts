import { describe, expect, it } from "vitest";
import { LakebookError, type ServiceError } from "../../../../pipeline/contract";
import { NotebookParseError } from "../../../../pipeline/document";
import { parseProcessingDate } from "../../../../pipeline/lake/processing-date";
import { S3Store } from "../../../../pipeline/lake/s3-store";
import { parseChartSpec } from "../../../../pipeline/stages/chart/chart-spec";
import { parseTransformSettings } from "../../../../pipeline/stages/transform/settings";
import { errorText } from "../../../../renderer/src/i18n/messages-errors";

/**
 * The specifics of an error (the date, the bucket, the cell, the notebook's line) travel as params,
 * so the pt-BR text says them instead of a general sentence with the English under Details. Each
 * error here is thrown by the real pipeline code, not built by hand.
 */
function thrown(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof LakebookError) return error.toJSON();
    throw error;
  }
  throw new Error("expected a LakebookError");
}

describe("errors say their specifics in pt-BR", () => {
  it("a processing date that is not zero-padded", () => {
    const text = errorText(
      "pt-BR",
      thrown(() => parseProcessingDate("2026-1-5")),
    );
    expect(text).toMatchObject({ message: "A data 2026-1-5 não é válida.", translated: true });
  });

  it("a bucket name S3 would refuse", () => {
    const error = thrown(() => new S3Store({ bucket: "My_Bucket", client: {} as never }));
    expect(errorText("pt-BR", error).message).toBe("My_Bucket não é um nome de bucket válido.");
  });

  it("a chart cell without a spec, by the cell's id", () => {
    const error = thrown(() => parseChartSpec("top_subgenres_chart", "  "));
    expect(errorText("pt-BR", error).message).toBe(
      "O gráfico top_subgenres_chart não tem uma especificação Vega-Lite válida.",
    );
  });

  it("a transform cell without its settings header, by the cell's id", () => {
    const error = thrown(() => parseTransformSettings({ id: "trusted_movies", source: "SELECT 1" }));
    expect(errorText("pt-BR", error).message).toBe(
      "O cabeçalho -- da célula de transformação trusted_movies não é válido.",
    );
  });

  it("a mistake in the notebook file, by file, line and column", () => {
    const error = new NotebookParseError("demo.lakebook.md", 12, 3, "a fence is not closed", "```").toJSON();
    expect(error.params).toEqual({ file: "demo.lakebook.md", line: 12, column: 3 });
    expect(errorText("pt-BR", error).message).toBe(
      "demo.lakebook.md, linha 12, coluna 3: o notebook não pôde ser lido.",
    );
  });
});
