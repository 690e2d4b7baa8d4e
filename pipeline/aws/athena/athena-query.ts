import { randomUUID } from "node:crypto";
import {
  GetQueryExecutionCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import type { Column } from "../../contract/catalog";
import { LakebookError } from "../../contract/errors";
import type { Row } from "../../contract/results";
import { POLL_AGAIN, pollWithBackoff } from "../poll";
import type { Sleep } from "../sleep";
import { type AthenaCost, athenaCost } from "./athena-cost";
import { athenaCancelledElsewhere, athenaQueryFailed, athenaSdkError } from "./athena-errors";
import { type AthenaSend, followingAthenaPages, MAX_ATHENA_PAGE, readAthenaPage } from "./athena-results";

export type AthenaQueryState = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

export interface AthenaStatistics {
  engineExecutionTimeInMillis: number;
  dataScannedInBytes: number;
  queryQueueTimeInMillis: number;
  totalExecutionTimeInMillis: number;
}

export interface AthenaStateChange {
  queryExecutionId: string;
  state: AthenaQueryState;
  statistics: AthenaStatistics;
}

/** How often to ask Athena for the state: quickly at first (most queries take seconds), then less. */
export interface AthenaPolling {
  firstDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export const DEFAULT_POLLING: AthenaPolling = { firstDelayMs: 200, maxDelayMs: 2000, factor: 1.5 };

export interface AthenaQueryOptions {
  client: AthenaSend;
  sql: string;
  workgroup: string;
  /** Only sent when given: a workgroup may enforce its own result location. */
  outputLocation?: string;
  database?: string;
  catalog?: string;
  signal?: AbortSignal;
  onState?: (change: AthenaStateChange) => void;
  /** Rows per GetQueryResults call, 1..1000 (default 1000). */
  pageSize?: number;
  /** Same token → same query: lets a caller retry a start whose answer was lost. Random by default. */
  clientRequestToken?: string;
  polling?: AthenaPolling;
  /** Injected so tests never wait; must reject or resolve early when `signal` aborts. */
  sleep?: Sleep;
}

export interface AthenaQueryResult {
  queryExecutionId: string;
  /** DDL (CREATE/DROP, CTAS, views), DML (SELECT, INSERT) or UTILITY (SHOW, DESCRIBE). */
  statementType: string | undefined;
  /** Finer: SELECT, CREATE_TABLE_AS_SELECT, CREATE_VIEW, INSERT… — what the SQL stage registers. */
  substatementType: string | undefined;
  /** Where Athena wrote the result CSV. */
  outputLocation: string | undefined;
  columns: Column[];
  /** The first page only. */
  rows: Row[];
  /** The pages after `rows`, fetched as they are read. */
  morePages(): AsyncGenerator<Row[]>;
  statistics: AthenaStatistics;
  cost: AthenaCost;
}

/**
 * Runs one query on Athena: StartQueryExecution, polling GetQueryExecution with backoff until
 * SUCCEEDED, FAILED or CANCELLED, then the first GetQueryResults page. An abort stops the query
 * on Athena (StopQueryExecution), since it would otherwise keep running and billing.
 */
export async function runAthenaQuery(options: AthenaQueryOptions): Promise<AthenaQueryResult> {
  const { client, signal } = options;
  const pageSize = options.pageSize ?? MAX_ATHENA_PAGE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_ATHENA_PAGE) {
    throw new LakebookError("INVALID_ARGUMENT", `pageSize must be 1 to ${MAX_ATHENA_PAGE}, not ${pageSize}.`);
  }
  throwIfAborted(signal);
  const id = await startQuery(options);
  const execution = await waitForQuery(id, options);
  const statistics = statisticsOf(execution);
  const first = await readAthenaPage(client, id, { pageSize, statementType: execution.StatementType });
  return {
    queryExecutionId: id,
    statementType: execution.StatementType,
    substatementType: execution.SubstatementType,
    outputLocation: execution.ResultConfiguration?.OutputLocation,
    columns: first.columns,
    rows: first.rows,
    morePages: () => followingAthenaPages(client, id, first, pageSize),
    statistics,
    cost: athenaCost(statistics.dataScannedInBytes),
  };
}

async function startQuery(options: AthenaQueryOptions): Promise<string> {
  const command = new StartQueryExecutionCommand({
    QueryString: options.sql,
    WorkGroup: options.workgroup,
    ClientRequestToken: options.clientRequestToken ?? randomUUID(),
    QueryExecutionContext: {
      ...(options.database ? { Database: options.database } : {}),
      Catalog: options.catalog ?? "AwsDataCatalog",
    },
    ...(options.outputLocation ? { ResultConfiguration: { OutputLocation: options.outputLocation } } : {}),
  });
  let id: string | undefined;
  try {
    id = (await options.client.send(command)).QueryExecutionId;
  } catch (error) {
    throw athenaSdkError(error);
  }
  if (!id) throw new LakebookError("ATHENA_QUERY_FAILED", "Athena started the query but returned no id.");
  // Aborted while the start was in flight: the query exists now, so stop it before giving up.
  if (options.signal?.aborted) await stopAndThrow(options, id);
  return id;
}

/** Polls until the query ends; returns the SUCCEEDED execution or throws for FAILED/CANCELLED/abort. */
export async function waitForQuery(
  queryExecutionId: string,
  options: Pick<AthenaQueryOptions, "client" | "signal" | "onState" | "polling" | "sleep">,
): Promise<QueryExecution> {
  const polling = options.polling ?? DEFAULT_POLLING;
  let last: AthenaQueryState | undefined;
  let failures = 0;
  return pollWithBackoff({ ...polling, sleep: options.sleep, signal: options.signal }, async () => {
    if (options.signal?.aborted) return stopAndThrow(options, queryExecutionId);
    let execution: QueryExecution | undefined;
    try {
      const output = await options.client.send(
        new GetQueryExecutionCommand({ QueryExecutionId: queryExecutionId }),
      );
      execution = output.QueryExecution;
      failures = 0;
    } catch (error) {
      const problem = athenaSdkError(error);
      // A throttled poll is no reason to abandon a running (billed) query: wait and ask again.
      failures += 1;
      if (!problem.retryable || failures > 5) throw problem;
      return POLL_AGAIN;
    }
    const state = execution?.Status?.State as AthenaQueryState | undefined;
    if (!execution) return POLL_AGAIN;
    if (!state) {
      throw new LakebookError(
        "ATHENA_QUERY_FAILED",
        `Athena returned no state for query ${queryExecutionId}.`,
      );
    }
    if (state !== last) {
      last = state;
      options.onState?.({ queryExecutionId, state, statistics: statisticsOf(execution) });
    }
    if (state === "SUCCEEDED") return execution;
    if (state === "FAILED") {
      const status = execution.Status;
      throw athenaQueryFailed(
        status?.StateChangeReason ?? status?.AthenaError?.ErrorMessage,
        status?.AthenaError?.Retryable ?? false,
      );
    }
    if (state === "CANCELLED") {
      if (options.signal?.aborted) throw cancelled();
      throw athenaCancelledElsewhere(execution.Status?.StateChangeReason);
    }
    return POLL_AGAIN;
  });
}

async function stopAndThrow(
  options: Pick<AthenaQueryOptions, "client" | "onState">,
  queryExecutionId: string,
): Promise<never> {
  try {
    await options.client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryExecutionId }));
  } catch (error) {
    throw new LakebookError(
      "ATHENA_STOP_FAILED",
      `The run was cancelled but Athena did not confirm stopping query ${queryExecutionId}.`,
      {
        hint: "Check the Athena console's Recent queries and cancel it there: it keeps billing while it runs.",
        cause: error,
      },
    );
  }
  throw cancelled();
}

function statisticsOf(execution: QueryExecution): AthenaStatistics {
  const s = execution.Statistics ?? {};
  return {
    engineExecutionTimeInMillis: s.EngineExecutionTimeInMillis ?? 0,
    dataScannedInBytes: s.DataScannedInBytes ?? 0,
    queryQueueTimeInMillis: s.QueryQueueTimeInMillis ?? 0,
    totalExecutionTimeInMillis: s.TotalExecutionTimeInMillis ?? 0,
  };
}

/** The same code and wording as the local engine's cancel, so the UI treats both alike. */
function cancelled(): LakebookError {
  return new LakebookError("CANCELLED", "The query was cancelled.", {
    hint: "Athena was asked to stop it; you are billed only for what it scanned before stopping.",
    retryable: true,
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}
