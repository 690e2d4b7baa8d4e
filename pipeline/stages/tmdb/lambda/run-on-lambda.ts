import { randomUUID } from "node:crypto";
import {
  type AwsCredentials,
  awsClients,
  type LambdaClient,
  type SecretsManagerClient,
} from "../../../aws/clients";
import {
  DEFAULT_LAMBDA_POLLING,
  disableAsyncRetries,
  ensureFunction,
  invokeAsync,
  type LambdaPolling,
} from "../../../aws/lambda";
import { putSecret } from "../../../aws/secrets";
import { LakebookError } from "../../../contract";
import { formatDateIso, type ObjectStore, type ProcessingDate, type S3Store } from "../../../lake";
import type { TmdbCredentials } from "../client";
import {
  addRequestLogs,
  type SelectedTitle,
  type TmdbEnrichProgress,
  type TmdbEnrichResult,
} from "../enrich";
import type { TmdbLambdaSettings, TmdbSettings } from "../settings";
import type { TmdbLambdaEvent } from "./event";
import { type LambdaPackage, tmdbLambdaPackage } from "./package";
import { DEFAULT_STATUS_POLLING, pollStatus, type StatusPolling } from "./poll-status";
import { lambdaRunKey } from "./run-files";
import { secretTextOf, TMDB_SECRET_NAME } from "./tmdb-secret";

export interface TmdbLambdaRunOptions {
  /** The lake (an `S3Store` on the aws target): the function reads and writes the same bucket and prefix. */
  store: ObjectStore & Pick<S3Store, "bucket" | "prefix">;
  /** The select's titles (`readSelection`), in order. */
  titles: readonly SelectedTitle[];
  skipped?: readonly string[];
  settings: Pick<TmdbSettings, "fields" | "name" | "requestsPerSecond" | "concurrency" | "discover"> & {
    date: ProcessingDate;
    lambda: TmdbLambdaSettings;
  };
  /** Stored in Secrets Manager for the function; never in its configuration or its event. */
  credentials: TmdbCredentials;
  /** The notebook's AWS target; credentials from the SDK's default chain unless given. */
  aws: { region: string; profile?: string; credentials?: AwsCredentials };
  /** Tests pass mocked clients. */
  clients?: { lambda?: LambdaClient; secrets?: SecretsManagerClient };
  signal?: AbortSignal;
  onProgress?: (progress: TmdbEnrichProgress) => void;
  /** Steps worth telling the user: packaging, the function created or updated, each invocation. */
  onLog?: (message: string) => void;
  /** Tests: a fixed run id, quick polling, one shared build. */
  runId?: string;
  statusPolling?: StatusPolling;
  lambdaPolling?: LambdaPolling;
  packageCode?: () => Promise<LambdaPackage>;
  /** A run that still has titles after this many invocations stops (TMDB_LAMBDA_UNFINISHED). */
  maxInvocations?: number;
}

/** Lambda's longest run; the function stops itself before it (see handler.ts). */
const TIMEOUT_SECONDS = 900;
const ARCHITECTURE = "arm64"; // pure JavaScript, and arm64 costs less per second

/**
 * The TMDB enrichment on AWS Lambda: package the handler → store the credential in Secrets Manager
 * → create or update the function → put the titles in the lake → invoke asynchronously → poll
 * `status.json` → invoke again while it reports `partial` → the same result as a local run, summed
 * over the invocations. The RAW files are the ones `enrichTitles` writes locally for the same titles.
 */
export async function runTmdbOnLambda(options: TmdbLambdaRunOptions): Promise<TmdbEnrichResult> {
  const { store, settings, signal } = options;
  const log = options.onLog ?? (() => undefined);
  const own = awsClients({
    region: options.aws.region,
    ...(options.aws.profile ? { profile: options.aws.profile } : {}),
    ...(options.aws.credentials ? { credentials: options.aws.credentials } : {}),
  });
  const lambda = options.clients?.lambda ?? own.lambda();
  const secrets = options.clients?.secrets ?? own.secrets();
  const functionName = settings.lambda.functionName;

  const code = await (options.packageCode ?? tmdbLambdaPackage)();
  throwIfCancelled(signal);
  const secret = await putSecret(secrets, {
    name: TMDB_SECRET_NAME,
    value: secretTextOf(options.credentials),
    description: "The TMDB API credential of Lakebook's TMDB enrichment Lambda.",
  });
  throwIfCancelled(signal);
  const ensured = await ensureFunction(
    lambda,
    {
      functionName,
      roleArn: settings.lambda.roleArn,
      runtime: settings.lambda.runtime,
      handler: "index.handler",
      timeoutSeconds: TIMEOUT_SECONDS,
      memoryMb: settings.lambda.memoryMb,
      architecture: ARCHITECTURE,
      environment: {},
      description: "Lakebook: TMDB enrichment of the lake's RAW zone.",
      code: { zip: code.zip, sha256: code.sha256 },
    },
    { ...lambdaPolling(options), ...(signal ? { signal } : {}) },
  );
  // Lakebook invokes again itself (on `partial`); Lambda's own retries would run beside a rerun.
  await disableAsyncRetries(lambda, functionName);
  log(
    ensured.created
      ? `Created ${functionName}.`
      : ensured.codeUpdated
        ? `Updated ${functionName}'s code.`
        : `${functionName} is up to date.`,
  );

  const runId = options.runId ?? `${formatDateIso(settings.date)}-${randomUUID().slice(0, 8)}`;
  const titlesKey = lambdaRunKey(settings.date, runId, "titles.json");
  const titlesBody = JSON.stringify({ titles: options.titles, skipped: options.skipped ?? [] });
  await store.put(titlesKey, `${titlesBody}\n`, { contentType: "application/json" });

  const statusKey = lambdaRunKey(settings.date, runId, "status.json");
  const maxInvocations = options.maxInvocations ?? 20;
  let earlier: TmdbEnrichResult | undefined;
  for (let invocation = 1; invocation <= maxInvocations; invocation++) {
    throwIfCancelled(signal);
    const event: TmdbLambdaEvent = {
      bucket: store.bucket,
      ...(store.prefix ? { prefix: store.prefix } : {}),
      region: options.aws.region,
      secretId: secret.arn || TMDB_SECRET_NAME,
      runId,
      invocation,
      titlesKey,
      settings: {
        fields: settings.fields,
        name: settings.name,
        date: formatDateIso(settings.date),
        requestsPerSecond: settings.requestsPerSecond,
        concurrency: settings.concurrency,
        ...(settings.discover ? { discover: settings.discover } : {}),
      },
    };
    await invokeAsync(lambda, functionName, event, lambdaPolling(options));
    log(`Invoked ${functionName} (run ${runId}, invocation ${invocation}).`);
    const status = await pollStatus(
      store,
      statusKey,
      { invocation, functionName },
      {
        polling: options.statusPolling ?? DEFAULT_STATUS_POLLING,
        ...(signal ? { signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    );
    if (status.state === "failed") {
      throw new LakebookError(status.error.code, status.error.message, {
        hint: status.error.hint ?? `See the function's log in CloudWatch Logs (/aws/lambda/${functionName}).`,
      });
    }
    if (status.state === "done") return earlier ? summed(earlier, status.result) : status.result;
    if (status.result) earlier = earlier ? summed(earlier, status.result) : status.result;
    options.onProgress?.(status.progress);
    log(`Invocation ${invocation} stopped before Lambda's time limit with titles left; going on.`);
  }
  throw new LakebookError(
    "TMDB_LAMBDA_UNFINISHED",
    `The TMDB Lambda still had titles left after ${maxInvocations} invocations.`,
    {
      hint: "Run the cell again: it goes on from the checkpoint. Fewer titles per cell, or a higher requestsPerSecond, finish sooner.",
      retryable: true,
    },
  );
}

/** One run's totals over several invocations: the last one's counts, plus what each did itself. */
function summed(earlier: TmdbEnrichResult, later: TmdbEnrichResult): TmdbEnrichResult {
  return {
    ...later,
    fetched: earlier.fetched + later.fetched,
    filesWritten: [...earlier.filesWritten, ...later.filesWritten],
    requests: addRequestLogs(earlier.requests, later.requests),
    discoverFetched: earlier.discoverFetched + later.discoverFetched,
  };
}

function lambdaPolling(options: TmdbLambdaRunOptions): LambdaPolling {
  return options.lambdaPolling ?? DEFAULT_LAMBDA_POLLING;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw new LakebookError(
    "CANCELLED",
    "The TMDB enrichment on Lambda was cancelled before the function was invoked.",
    {
      hint: "Nothing ran in Lambda yet; run the cell again when ready.",
    },
  );
}
