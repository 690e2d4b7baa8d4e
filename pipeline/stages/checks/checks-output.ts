import type { CheckOutcome, ChecksOutput } from "../../contract";
import { type CheckResult, formatCheckReport } from "./run-checks";

/**
 * The check cell's results as the workbench draws them: one entry per checked table (in the cell's
 * order, a table listed twice gathered into one), each check with its words and their parts,
 * pass/fail/error, the count, and the failing samples as columns + rows. The plain-text report
 * rides along for the terminal.
 */
export function checksOutput(results: readonly CheckResult[], engine: ChecksOutput["engine"]): ChecksOutput {
  const tables = new Map<string, CheckOutcome[]>();
  for (const result of results) {
    const checks = tables.get(result.table) ?? [];
    checks.push(checkOutcome(result));
    tables.set(result.table, checks);
  }
  return {
    type: "checks",
    engine,
    tables: [...tables].map(([table, checks]) => ({ table, checks })),
    report: formatCheckReport(results),
  };
}

function checkOutcome(result: CheckResult): CheckOutcome {
  const { kind, check, params, status, failing, sql, error } = result;
  // row_count's one "sample" is the table's count, not a failing row: it is said as tableRows.
  const countRow = kind === "row_count" && status === "fail";
  const tableRows = countRow ? Number(result.samples[0]?.rows) : Number.NaN;
  return {
    kind,
    check,
    params,
    status,
    failing,
    ...(Number.isSafeInteger(tableRows) && tableRows >= 0 ? { tableRows } : {}),
    samples: countRow ? { columns: [], rows: [] } : sampleTable(result.samples),
    ...(error ? { error } : {}),
    sql,
  };
}

/** Rows as a small table: the columns in the order the first row has them, a missing value as null. */
function sampleTable(samples: CheckResult["samples"]): CheckOutcome["samples"] {
  const columns: string[] = [];
  for (const sample of samples)
    for (const name of Object.keys(sample)) if (!columns.includes(name)) columns.push(name);
  return { columns, rows: samples.map((sample) => columns.map((name) => sample[name] ?? null)) };
}
