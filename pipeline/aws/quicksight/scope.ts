import type { QuickSightClient } from "@aws-sdk/client-quicksight";
import type { Sleep } from "../sleep";

export type QuickSightSend = Pick<QuickSightClient, "send">;

/** What every QuickSight call of one publish shares: the client, the account and how to wait. */
export interface QuickSightScope {
  client: QuickSightSend;
  accountId: string;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Each poll's status, e.g. for the cell's progress line. */
  onStatus?: (what: string, status: string) => void;
}

/** Whether a publish made a resource, changed it, or found it as wanted and left it. */
export type EnsureAction = "created" | "updated" | "reused";
