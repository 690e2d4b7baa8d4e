import {
  type AthenaCostEstimate,
  type AthenaQueryResult,
  describeAthenaCost,
  estimateAthenaCost,
  runAthenaQuery,
  type ScannedTable,
} from "../aws/athena";
import type { AwsTarget } from "../document";
import { tableReferences } from "../engine";
import type { StageContext } from "./stage";

/**
 * SQL on Athena for any cell kind (SQL cells, chart cells): the cost's upper bound logged before it
 * runs, the query run in the target's workgroup with progress, the result with its real cost. Shared
 * here, beside stage.ts, because stage folders never import each other.
 */
export async function queryAthena(
  sql: string,
  context: StageContext,
  target: AwsTarget,
  options: { database?: string; label?: string } = {},
): Promise<{ result: AthenaQueryResult; estimate: AthenaCostEstimate }> {
  const estimate = await estimateAthenaScan(sql, context);
  const label = options.label ? `${options.label}: ` : "";
  context.log("info", `${label}Before running: at most ${describeAthenaCost(estimate)}. ${estimate.note}`);
  let polls = 0;
  const result = await runAthenaQuery({
    client: context.aws.athena(),
    sql,
    workgroup: target.workgroup ?? "primary",
    ...(target.athenaOutput ? { outputLocation: target.athenaOutput } : {}),
    database: options.database ?? "refined",
    signal: context.signal,
    onState: (change) => {
      polls += 1;
      context.progress({ done: polls, unit: "steps", message: `${label}Athena: ${change.state}` });
    },
  });
  return { result, estimate };
}

/**
 * The upper bound: every object of every table the SQL reads. A view has no files of its own: the
 * tables it selects from are counted instead (and theirs, for a view of a view).
 */
export async function estimateAthenaScan(sql: string, context: StageContext): Promise<AthenaCostEstimate> {
  const scanned: ScannedTable[] = [];
  const seen = new Set<string>();
  const visit = async (text: string): Promise<void> => {
    for (const name of tableReferences(text).reads) {
      const [database, table] = name.split(".");
      if (!database || !table || seen.has(name)) continue;
      seen.add(name);
      const found = await context.catalog.get(database, table).catch(() => undefined);
      if (!found) continue;
      if (found.view) {
        await visit(found.view.sql);
        continue;
      }
      let bytes = 0;
      for await (const object of context.store.list(found.location)) bytes += object.size;
      scanned.push({ table: name, bytes });
    }
  };
  await visit(sql);
  return estimateAthenaCost(scanned);
}
