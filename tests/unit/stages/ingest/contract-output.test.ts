import { describe, expect, it } from "vitest";
import { CellOutputSchema, IngestWarningCodeSchema } from "../../../../pipeline/contract";
import { CSV_WARNING_CODES } from "../../../../pipeline/stages/ingest/csv";

describe("the ingest output in the contract", () => {
  it("lists exactly the validator's warning codes", () => {
    expect(IngestWarningCodeSchema.options).toEqual([...CSV_WARNING_CODES]);
  });

  it("refuses an output that is not precise", () => {
    const file = {
      file: "data/movies.csv",
      dataset: "movies",
      key: "Raw/Local/CSV/Movies/2026/11/25/movies.csv",
      location: "file:///lake/Raw/Local/CSV/Movies/2026/11/25/movies.csv",
      bytes: 10,
      rows: 1,
      columns: ["id"],
      sha256: "a".repeat(64),
      alreadyIngested: false,
      verified: "size and SHA-256",
      ms: 3,
      warnings: [{ line: 2, code: "CRLF", message: "…" }],
      warningCount: 1,
      warningCounts: { CRLF: 1 },
      preview: { columns: [{ name: "id", type: "text" }], rows: [["tt0000001"]] },
      profile: null,
      table: "raw.movies",
      boto3: "import boto3",
      pathExplanation: "…",
    };
    expect(CellOutputSchema.safeParse({ type: "ingest", files: [file] }).success).toBe(true);
    expect(CellOutputSchema.safeParse({ type: "ingest", files: [] }).success).toBe(false);
    expect(CellOutputSchema.safeParse({ type: "ingest", files: [{ ...file, sha256: "xyz" }] }).success).toBe(
      false,
    );
    expect(
      CellOutputSchema.safeParse({
        type: "ingest",
        files: [{ ...file, warnings: [{ line: 0, code: "CRLF", message: "" }] }],
      }).success,
    ).toBe(false);
    expect(
      CellOutputSchema.safeParse({ type: "ingest", files: [{ ...file, warningCounts: { OOPS: 1 } }] })
        .success,
    ).toBe(false);
  });
});
