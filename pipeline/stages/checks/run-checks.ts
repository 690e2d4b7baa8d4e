import type { MessageParams, Row } from "../../contract";
import { toServiceError } from "../../contract";
import { type CheckKind, checkQueries, type ExpectationSpec, FAILING_ROWS_COLUMN } from "./expectations";

/** Runs one SQL text and returns its rows: the local engine or Athena, injected by the caller. */
export type RunCheckQuery = (sql: string) => Promise<Row[]>;

export interface CheckResult {
  kind: CheckKind;
  check: string;
  /** The words' variable parts (CheckQuery.params). */
  params: MessageParams;
  table: string;
  status: "pass" | "fail" | "error";
  /** Rows that break the expectation (for row_count: 1 when the table's count is out of range). */
  failing: number;
  /** Up to 5 failing rows, or the offending values with their row counts. */
  samples: Row[];
  sql: string;
  /** Why the query itself failed (status "error"): a missing table or column, a type mismatch. */
  error?: { code: string; message: string; hint?: string };
}

/**
 * Runs every check of `spec` one after another (Athena bills per query, and a local engine on
 * 2 cores gains nothing from parallel scans). One failing query does not stop the others: it is
 * reported as "error" with its message, so a typo in one column name hides no other result.
 */
export async function runChecks(spec: ExpectationSpec, runQuery: RunCheckQuery): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const query of checkQueries(spec)) {
    let rows: Row[];
    try {
      rows = await runQuery(query.sql);
    } catch (error) {
      const { code, message, hint } = toServiceError(error);
      // A cancelled run stops here: the remaining checks would only be cancelled too.
      if (code === "CANCELLED") throw error;
      results.push({
        ...query,
        status: "error",
        failing: 0,
        samples: [],
        error: { code, message, ...(hint ? { hint } : {}) },
      });
      continue;
    }
    const failing = Number(rows[0]?.[FAILING_ROWS_COLUMN] ?? 0);
    const samples = rows.map(({ [FAILING_ROWS_COLUMN]: _, ...sample }) => sample);
    results.push({ ...query, status: failing > 0 ? "fail" : "pass", failing, samples });
  }
  return results;
}

/** Plain text for the cell's output: one line per check, failing samples indented beneath. */
export function formatCheckReport(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  let table: string | undefined;
  for (const result of results) {
    if (result.table !== table) {
      table = result.table;
      lines.push(`${lines.length > 0 ? "\n" : ""}${table}`);
    }
    lines.push(`  ${statusMark(result)} ${result.check}${detail(result)}`);
    for (const sample of result.samples) lines.push(`      ${JSON.stringify(sample)}`);
    if (result.error?.hint) lines.push(`      hint: ${result.error.hint}`);
  }
  return lines.join("\n");
}

export function checksSummary(results: readonly CheckResult[]): string {
  const count = (status: CheckResult["status"]) => results.filter((r) => r.status === status).length;
  const failed = count("fail");
  const errors = count("error");
  const parts = [
    `${count("pass")} passed`,
    ...(failed ? [`${failed} failed`] : []),
    ...(errors ? [`${errors} could not run`] : []),
  ];
  return `${results.length} data check${results.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

function statusMark(result: CheckResult): string {
  return result.status === "pass" ? "PASS " : result.status === "fail" ? "FAIL " : "ERROR";
}

function detail(result: CheckResult): string {
  if (result.status === "error") return ` — ${result.error?.message ?? "the query failed"}`;
  if (result.status === "pass") return "";
  if (result.kind === "row_count") return ` — the table has ${String(result.samples[0]?.rows ?? "?")} rows`;
  return ` — ${result.failing.toLocaleString("en-US")} failing row${result.failing === 1 ? "" : "s"}`;
}
