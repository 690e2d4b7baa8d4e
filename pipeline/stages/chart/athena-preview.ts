import { type AthenaCost, describeAthenaCost, formatUsd } from "../../aws/athena";
import type { AwsTarget } from "../../document";
import { queryAthena } from "../athena-sql";
import type { StageContext } from "../stage";
import type { ChartQuery, ChartRows } from "./chart-run";

/**
 * DuckDB functions the chart's pushdown may write for which Athena (Trino) has other names or
 * semantics: median and quartiles (quantile_cont), time units (make_timestamp, strftime).
 */
const DUCKDB_ONLY = /\b(quantile_cont|make_timestamp|strftime)\s*\(/i;

/** A chart whose aggregation Athena cannot run as written: previewed on the local lake instead. */
export class NeedsLocalPreview extends Error {
  constructor(readonly functionName: string) {
    super(`${functionName} is DuckDB's`);
  }
}

/**
 * The chart's queries on Athena, each with the cost estimate logged before it (as SQL cells do, through
 * the shared `../athena-sql.ts`), and the real costs added up for the cell's summary.
 */
export function athenaChartQuery(
  context: StageContext,
  target: AwsTarget,
): { query: ChartQuery; report(): string } {
  // Athena bills each query on its own (10 MB minimum each): the costs are added up query by query.
  const spent: AthenaCost = { scannedBytes: 0, billedBytes: 0, usd: 0 };
  let estimated = 0;
  let queries = 0;
  const query: ChartQuery = async (sql, pageSize) => {
    const duckdbOnly = DUCKDB_ONLY.exec(sql);
    if (duckdbOnly) throw new NeedsLocalPreview(duckdbOnly[1] ?? "");
    const { result, estimate } = await queryAthena(sql, context, target, { label: "Chart" });
    queries += 1;
    spent.scannedBytes += result.cost.scannedBytes;
    spent.billedBytes += result.cost.billedBytes;
    spent.usd += result.cost.usd;
    estimated += estimate.usd;
    const rows = [...result.rows];
    // The count of every row the answer has: read on while there are pages (answers are aggregated
    // or capped by the chart, so this stays small), keeping only the first `pageSize`.
    let rowCount = rows.length;
    for await (const page of result.morePages()) {
      rowCount += page.length;
      if (rows.length < pageSize) rows.push(...page.slice(0, pageSize - rows.length));
    }
    const answer: ChartRows = {
      columns: result.columns,
      rows: rows.slice(0, Math.max(pageSize, 0)),
      rowCount,
    };
    return answer;
  };
  const report = () =>
    `Athena: ${queries} quer${queries === 1 ? "y" : "ies"}, ${describeAthenaCost(spent)} (estimated at most ${formatUsd(estimated)} before)`;
  return { query, report };
}
