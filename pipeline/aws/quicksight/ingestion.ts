import { CreateIngestionCommand, DescribeIngestionCommand, type Ingestion } from "@aws-sdk/client-quicksight";
import { LakebookError } from "../../contract/errors";
import { POLL_AGAIN, pollWithBackoff } from "../poll";
import { quicksightCall } from "./quicksight-errors";
import type { QuickSightScope } from "./scope";

/** A SPICE load that finished: how many rows QuickSight took, and how many it had to drop. */
export interface CompletedIngestion {
  ingestionId: string;
  rowsIngested?: number;
  rowsDropped?: number;
}

const WAITING = new Set(["INITIALIZED", "QUEUED", "RUNNING"]);

/**
 * Starts a full SPICE refresh of a dataset (CreateIngestion), for a SPICE dataset whose create or
 * update answered without an ingestion id.
 */
export async function startIngestion(
  scope: QuickSightScope,
  dataSetId: string,
  now: () => number = Date.now,
): Promise<string> {
  const ingestionId = `lakebook-${now()}`;
  await quicksightCall(
    { action: `load the dataset ${dataSetId} into SPICE`, iamAction: "quicksight:CreateIngestion" },
    () =>
      scope.client.send(
        new CreateIngestionCommand({
          AwsAccountId: scope.accountId,
          DataSetId: dataSetId,
          IngestionId: ingestionId,
          IngestionType: "FULL_REFRESH",
        }),
      ),
  );
  return ingestionId;
}

/**
 * Polls DescribeIngestion until the SPICE load is COMPLETED (returned, with its row counts) or
 * FAILED / CANCELLED (thrown with QuickSight's ErrorInfo): a dataset whose rows never loaded
 * shows empty visuals, so the publish is not done before this says so. IngestionStatus and
 * ErrorInfo: https://docs.aws.amazon.com/quicksight/latest/APIReference/API_Ingestion.html.
 */
export async function waitForIngestion(
  scope: QuickSightScope,
  target: { dataSetId: string; ingestionId: string },
  options: { firstDelayMs?: number; maxDelayMs?: number; maxPolls?: number } = {},
): Promise<CompletedIngestion> {
  const { dataSetId, ingestionId } = target;
  const what = `the SPICE load of ${dataSetId}`;
  const maxPolls = options.maxPolls ?? 200;
  return pollWithBackoff(
    {
      firstDelayMs: options.firstDelayMs ?? 2000,
      maxDelayMs: options.maxDelayMs ?? 10_000,
      sleep: scope.sleep,
      signal: scope.signal,
    },
    async (turn) => {
      if (turn.number >= maxPolls) {
        throw new LakebookError("QUICKSIGHT_TIMEOUT", `QuickSight is still loading ${what}.`, {
          hint: "Open the dataset in QuickSight to follow the load; publishing again starts a new one.",
          retryable: true,
        });
      }
      if (scope.signal?.aborted) {
        throw new LakebookError("CANCELLED", `Stopped waiting for ${what}.`, {
          hint: "QuickSight goes on loading it; the dashboard shows the rows once it is done.",
        });
      }
      const answer = await quicksightCall(
        { action: `read ${what}`, iamAction: "quicksight:DescribeIngestion" },
        () =>
          scope.client.send(
            new DescribeIngestionCommand({
              AwsAccountId: scope.accountId,
              DataSetId: dataSetId,
              IngestionId: ingestionId,
            }),
          ),
      );
      const ingestion = answer.Ingestion;
      const status = ingestion?.IngestionStatus ?? "UNKNOWN";
      scope.onStatus?.(`SPICE load of ${dataSetId}`, status);
      if (WAITING.has(status)) return POLL_AGAIN;
      if (status === "COMPLETED") {
        const rows = ingestion?.RowInfo;
        return {
          ingestionId,
          ...(rows?.RowsIngested !== undefined ? { rowsIngested: rows.RowsIngested } : {}),
          ...(rows?.RowsDropped !== undefined ? { rowsDropped: rows.RowsDropped } : {}),
        };
      }
      throw ingestionFailed(what, status, ingestion);
    },
  );
}

function ingestionFailed(what: string, status: string, ingestion: Ingestion | undefined): LakebookError {
  const type = ingestion?.ErrorInfo?.Type ?? "no error type";
  const message = ingestion?.ErrorInfo?.Message ?? "no message";
  return new LakebookError(
    "QUICKSIGHT_INGESTION_FAILED",
    `QuickSight could not load ${what} (${status}): ${type}: ${message}`,
    { hint: ingestionHint(type), retryable: status === "CANCELLED" },
  );
}

function ingestionHint(type: string): string {
  if (type === "ACCOUNT_CAPACITY_LIMIT_EXCEEDED" || type === "DATA_SET_SIZE_LIMIT_EXCEEDED") {
    return "SPICE is full for this account or dataset: free or buy SPICE capacity in QuickSight, or publish with importMode: DIRECT_QUERY.";
  }
  if (/PERMISSION|ROLE|ACCESS|S3/.test(type)) {
    return "QuickSight's own service role cannot read Athena or the lake: in QuickSight, Manage QuickSight → Security & permissions, allow Amazon Athena and the lake's S3 bucket.";
  }
  if (/^SQL_|QUERY_TIMEOUT|INVALID_/.test(type)) {
    return "The chart's SQL failed on Athena while loading: run the SQL cell on the aws target to see Athena's own error.";
  }
  return "Publish again; if it fails the same way, open the dataset in QuickSight to see the load's details.";
}
