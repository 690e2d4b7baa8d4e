import { describe, expect, it } from "vitest";
import { ProgressPrinter } from "../../../../pipeline/cli/progress-printer";
import type { CellRunResult } from "../../../../pipeline/contract";
import { checksOutput } from "../../../../pipeline/stages/checks/checks-output";
import type { CheckResult } from "../../../../pipeline/stages/checks/run-checks";

/** `lakebook run` prints a check cell's text report once, whether it passed or failed, as it always did. */
function printed(result: CellRunResult): string {
  let written = "";
  const printer = new ProgressPrinter({ write: (text: string) => (written += text) });
  printer.handle({ type: "run.finished", runId: "r", result });
  return written;
}

const check = (status: CheckResult["status"]): CheckResult => ({
  kind: "not_null",
  check: "genre_id is not null",
  params: { column: "genre_id" },
  table: "refined.dim_genre",
  status,
  failing: status === "fail" ? 1 : 0,
  samples: status === "fail" ? [{ genre_id: null, genre: "Gothic" }] : [],
  sql: "SELECT 1",
});

describe("a check cell's report in the terminal", () => {
  it("prints a passing cell's report beneath its summary", () => {
    const output = checksOutput([check("pass")], "local");
    const text = printed({
      id: "c",
      kind: "check",
      status: "ok",
      ms: 3,
      summary: "1 data check: 1 passed",
      output,
    });
    expect(text).toBe(
      "      ok in 3 ms — 1 data check: 1 passed\n      refined.dim_genre\n        PASS  genre_id is not null\n",
    );
  });

  it("prints a failing cell's report once, as the error's hint, though its result carries the output", () => {
    const output = checksOutput([check("fail")], "local");
    const text = printed({
      id: "c",
      kind: "check",
      status: "error",
      ms: 3,
      summary: "1 data check: 0 passed, 1 failed",
      error: {
        code: "CHECKS_FAILED",
        message: "1 data check: 0 passed, 1 failed",
        hint: output.report,
        retryable: false,
      },
      output,
    });
    expect(text.split("FAIL  genre_id is not null")).toHaveLength(2);
    expect(text).toContain(`CHECKS_FAILED; hint: ${output.report}`);
  });
});
