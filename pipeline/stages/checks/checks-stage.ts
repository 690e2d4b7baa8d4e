import { LakebookError, type Row } from "../../contract";
import { attr } from "../../document";
import type { Stage, StageContext } from "../stage";
import { parseChecksSettings } from "./checks-settings";
import { checkedTables } from "./expectations";
import {
  type CheckResult,
  checksSummary,
  formatCheckReport,
  type RunCheckQuery,
  runChecks,
} from "./run-checks";

/**
 * A `check` cell: data expectations on lake tables, run as SQL on the local engine. All passing →
 * ok, with a report listing each check. Any failing (or unrunnable) check → the cell fails with
 * CHECKS_FAILED, so "Run all" stops before building on bad data; the report with the failing
 * samples travels in the error's hint, since a failed run carries no output.
 */
export const checksStage: Stage = {
  run: async (cell, context) => {
    const specs = parseChecksSettings(cell);
    const engine = attr(cell, "engine") ?? (context.target.kind === "aws" ? "athena" : "local");
    if (engine !== "local") {
      throw new LakebookError(
        "NOT_IMPLEMENTED",
        `Check cells cannot run on ${engine} in this version of Lakebook.`,
        {
          hint: 'Set engine=local on the cell ("```check {#id engine=local}") to check the local lake.',
        },
      );
    }
    const runQuery = localQuery(context);
    const results: CheckResult[] = [];
    for (const spec of specs) {
      for (const result of await runChecks(spec, runQuery)) {
        results.push(result);
        context.log(
          result.status === "pass" ? "info" : "warn",
          `${result.status}: ${result.table}: ${result.check}`,
        );
      }
    }
    const summary = checksSummary(results);
    const report = formatCheckReport(results);
    const bad = results.filter((result) => result.status !== "pass");
    if (bad.length > 0) {
      throw new LakebookError(
        "CHECKS_FAILED",
        `${summary}: ${bad.map((r) => `${r.table}: ${r.check}`).join("; ")}`,
        {
          hint: `${report}\n\nFix the cell that builds the table (or the check), then run both again.`,
        },
      );
    }
    return { summary, output: { type: "text", text: report } };
  },
  dependencies: (cell) => {
    try {
      const reads = new Set(
        parseChecksSettings(cell)
          .flatMap(checkedTables)
          .map((t) => t.toLowerCase()),
      );
      return { reads: [...reads].sort(), writes: [] };
    } catch {
      return { reads: [], writes: [] };
    }
  },
};

/** Streams the few rows a check returns (≤ 5), so nothing is kept in the engine's result store. */
function localQuery(context: StageContext): RunCheckQuery {
  return async (sql) => {
    const rows: Row[] = [];
    for await (const chunk of context.engine.stream(sql, { signal: context.signal }))
      rows.push(...chunk.rows);
    return rows;
  };
}
