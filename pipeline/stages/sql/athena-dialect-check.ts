import { LakebookError } from "../../contract";
import { duckdbOnlyConstructs } from "../../engine";

/**
 * Before a SQL cell goes to Athena: DuckDB-only constructs are refused with their line and column
 * and what to write instead, so the cell's one text runs on both engines (and costs nothing to fix
 * here, where Athena would bill a failed query's scan or answer with a Trino parse error).
 */
export function assertAthenaDialect(sql: string, cellId: string): void {
  const findings = duckdbOnlyConstructs(sql);
  const first = findings[0];
  if (!first) return;
  const all = findings.map(
    (finding) => `line ${finding.line}, col ${finding.column}: ${finding.construct} → ${finding.instead}`,
  );
  throw new LakebookError(
    "SQL_NOT_ATHENA",
    `SQL cell "${cellId}", line ${first.line}, col ${first.column}: ${first.construct} is DuckDB's; Athena (Trino) does not read it.`,
    {
      hint: `Write SQL both engines read, so the cell runs locally and on AWS alike:\n${all.join("\n")}`,
      at: { line: first.line, column: first.column },
    },
  );
}
