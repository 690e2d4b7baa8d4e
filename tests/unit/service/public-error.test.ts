import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract";
import { publicError } from "../../../pipeline/service";

describe("publicError: what a client may see of a failure", () => {
  it("keeps a LakebookError's code, hint and retryable", () => {
    const error = new LakebookError("SQL_CATALOG", "Table trusted.movies does not exist", {
      hint: "Run the transform cell that creates it.",
      retryable: true,
    });
    expect(publicError(error)).toEqual({
      code: "SQL_CATALOG",
      message: "Table trusted.movies does not exist",
      hint: "Run the transform cell that creates it.",
      retryable: true,
    });
  });

  it("turns anything else into INTERNAL with its message, never its stack", () => {
    const error = new Error("boom");
    expect(error.stack).toContain("at ");
    expect(publicError(error)).toEqual({ code: "INTERNAL", message: "boom", retryable: false });
    expect(publicError("plain text")).toEqual({ code: "INTERNAL", message: "plain text", retryable: false });
    const quoted = new Error(
      "failed:\n    at Object.<anonymous> (/srv/app.js:1:1)\n    at run (node:internal)",
    );
    expect(publicError(quoted).message).toBe("failed:");
    expect(publicError(new Error("")).message).toBe("Unexpected error");
  });

  it("takes out credentials a message or hint quotes back", () => {
    const error = new LakebookError(
      "S3_DENIED",
      "Key AKIAIOSFODNN7EXAMPLE denied; aws_secret_access_key=wJalrXUtnFEMI/K7MDENG; GET /x?token=abc123&a=1",
      { hint: "Header was Authorization: Bearer eyJhbGciOi.x.y" },
    );
    const shown = publicError(error);
    expect(shown.message).toBe(
      "Key [access key id] denied; aws_secret_access_key=[redacted]; GET /x?token=[redacted]&a=1",
    );
    expect(shown.hint).toBe("Header was Authorization: Bearer [redacted]");
  });
});
