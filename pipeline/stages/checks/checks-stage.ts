import { runAthenaQuery } from "../../aws/athena";
import { LakebookError, type Row } from "../../contract";
import { attr } from "../../document";
import { FailureWithOutput, type Stage, type StageContext } from "../stage";
import { checksOutput } from "./checks-output";
import { parseChecksSettings } from "./checks-settings";
import { checkedTables } from "./expectations";
import { type CheckResult, checksSummary, type RunCheckQuery, runChecks } from "./run-checks";

/**
 * A `check` cell: data expectations on lake tables, run as SQL on the local engine or Athena. All
 * passing → ok, with the results per table. Any failing (or unrunnable) check → the cell fails with
 * CHECKS_FAILED, so "Run all" stops before building on bad data, and the failure still carries the
 * results (FailureWithOutput) for the workbench's table; the text report stays in the hint, which
 * is what the terminal prints.
 */
export const checksStage: Stage = {
  run: async (cell, context) => {
    const specs = parseChecksSettings(cell);
    const engine = attr(cell, "engine") ?? (context.target.kind === "aws" ? "athena" : "local");
    const runQuery = queryFor(engine, context);
    const ranOn = engine === "athena" ? "athena" : "local";
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
    const output = checksOutput(results, ranOn);
    const bad = results.filter((result) => result.status !== "pass");
    if (bad.length > 0) {
      throw new FailureWithOutput(
        "CHECKS_FAILED",
        `${summary}: ${bad.map((r) => `${r.table}: ${r.check}`).join("; ")}`,
        {
          hint: `${output.report}\n\nFix the cell that builds the table (or the check), then run both again.`,
          output,
        },
      );
    }
    return { summary, output };
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

function queryFor(engine: string, context: StageContext): RunCheckQuery {
  if (engine === "local") return localQuery(context);
  const target = context.target;
  if (engine !== "athena" || target.kind !== "aws") {
    throw new LakebookError(
      engine === "athena" ? "ATHENA_NEEDS_AWS" : "CHECKS_ENGINE_UNKNOWN",
      engine === "athena"
        ? "This check cell asks for Athena, but the notebook's target is the local lake."
        : `Check cells run on "local" or "athena", not "${engine}".`,
      { hint: 'Set engine=local on the cell ("```check {#id engine=local}"), or point the target at AWS.' },
    );
  }
  // Each check returns at most a count and five samples: one page of Athena's results is all of it.
  return async (sql) => {
    const result = await runAthenaQuery({
      client: context.aws.athena(),
      sql,
      workgroup: target.workgroup ?? "primary",
      ...(target.athenaOutput ? { outputLocation: target.athenaOutput } : {}),
      database: "refined",
      signal: context.signal,
    });
    return result.rows;
  };
}

/** Streams the few rows a check returns (≤ 5), so nothing is kept in the engine's result store. */
function localQuery(context: StageContext): RunCheckQuery {
  return async (sql) => {
    const rows: Row[] = [];
    for await (const chunk of context.engine.stream(sql, { signal: context.signal }))
      rows.push(...chunk.rows);
    return rows;
  };
}
