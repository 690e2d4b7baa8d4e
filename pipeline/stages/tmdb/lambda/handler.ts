import { functionClients, type S3Client, type SecretsManagerClient } from "../../../aws/clients";
import { readSecret } from "../../../aws/secrets";
import { LakebookError, toServiceError } from "../../../contract";
import { type ObjectStore, parseProcessingDate, S3Store, s3Error } from "../../../lake";
import { TmdbClient, type TmdbCredentials } from "../client";
import { scrubSecret } from "../client/credentials";
import { enrichTitles, type TmdbEnrichProgress } from "../enrich";
import { type TmdbLambdaEvent, TmdbLambdaEventSchema } from "./event";
import { type Lease, leaseKey, takeLease } from "./lease";
import {
  failureOf,
  type LambdaRunReport,
  lambdaRunKey,
  progressOf,
  readRunFile,
  type TitlesFile,
  TitlesFileSchema,
} from "./run-files";
import { StatusWriter } from "./status-writer";
import { credentialsOfSecret } from "./tmdb-secret";

/**
 * The Lambda entry (`index.handler` in the zip): the same `enrichTitles` a local run uses, on the
 * lake in S3, with the TMDB credential read from Secrets Manager. It reports through
 * `status.json`: `running` with counts, then `done`, `partial` (stopped before Lambda's time limit;
 * the checkpoint lets the next invocation go on) or `failed` (a message without the credential).
 * Never throws for a run's failure: an asynchronous invoke that throws is retried by Lambda, and
 * the status already says what went wrong.
 *
 * One invocation at a time works on a checkpoint (`lease.ts`): one that finds the lease held by
 * another writes nothing to RAW or the checkpoint, and says so in its own `status.json`.
 */
export interface LambdaContextLike {
  getRemainingTimeInMillis(): number;
}

export interface EnrichHandlerOptions {
  /** Tests point these at s3rver and a mocked Secrets Manager; the one AWS client factory otherwise. */
  s3Client?: (region: string) => S3Client;
  secretsClient?: (region: string) => SecretsManagerClient;
  tmdbBaseUrl?: string;
  /** No new title is started when less than this is left: in-flight ones finish and files are written. */
  stopMarginMs?: number;
  /** Requests still in flight when only this much is left are cut short (their titles are redone next time). */
  abortMarginMs?: number;
  /** `running` is written at most this often. */
  statusEveryMs?: number;
  /** The lease outlives the invocation's time limit by this much (a crashed holder frees it then). */
  leaseMarginMs?: number;
}

export type EnrichHandler = (event: unknown, context: LambdaContextLike) => Promise<LambdaRunReport>;

const DEFAULTS = { stopMarginMs: 90_000, abortMarginMs: 15_000, statusEveryMs: 5_000, leaseMarginMs: 60_000 };

export function createEnrichHandler(options: EnrichHandlerOptions = {}): EnrichHandler {
  const settings = { ...DEFAULTS, ...options };
  return async (raw, context) => {
    const parsed = TmdbLambdaEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
      return failureOf({
        code: "TMDB_LAMBDA_EVENT_INVALID",
        message: `The function was invoked with an event it cannot read${where}: ${issue?.message ?? "invalid"}.`,
        hint: "Invoke it from Lakebook (a TMDB cell with lambda settings, on the AWS target).",
        retryable: false,
      });
    }
    const event = parsed.data;
    // Lambda's own credentials (the function's role) through the same factory every Lakebook client uses.
    const aws = functionClients({ region: event.region });
    try {
      const s3 = options.s3Client?.(event.region) ?? aws.s3();
      const store = new S3Store({
        bucket: event.bucket,
        region: event.region,
        ...(event.prefix ? { prefix: event.prefix } : {}),
        client: s3,
      });
      const date = parseProcessingDate(event.settings.date);
      const status = new StatusWriter(
        store,
        lambdaRunKey(date, event.runId, "status.json"),
        { runId: event.runId, invocation: event.invocation },
        settings.statusEveryMs,
      );
      const lease = await takeLease(
        { client: s3, bucket: event.bucket, key: store.fullKey(leaseKey(date, event.settings.name)) },
        {
          runId: event.runId,
          invocation: event.invocation,
          holdMs: context.getRemainingTimeInMillis() + settings.leaseMarginMs,
        },
      ).catch((error: unknown) => ({ taken: "unknown" as const, error }));
      if (lease.taken === "unknown") {
        // Without the lease nothing is written; the status says why (Lakebook would wait in vain).
        const report = failureOf(
          toServiceError(s3Error(lease.error, { action: "take the lease on", bucket: event.bucket })),
        );
        await status.finish(report);
        return report;
      }
      if (!lease.taken) {
        const report = busy(event, lease.holder);
        // A second delivery of this very invocation: the status is the holder's to write.
        const duplicate = lease.holder.runId === event.runId && lease.holder.invocation === event.invocation;
        if (!duplicate) await status.finish(report);
        return report;
      }
      let report: LambdaRunReport;
      try {
        const secrets = () => options.secretsClient?.(event.region) ?? aws.secrets();
        report = await enrich(event, { store, secrets }, context, status, settings, options);
      } finally {
        // Released before the final status: Lakebook invokes the next one as soon as it reads it.
        await lease.release();
      }
      await status.finish(report);
      return report;
    } finally {
      aws.destroy();
    }
  };
}

async function enrich(
  event: TmdbLambdaEvent,
  { store, secrets }: { store: ObjectStore; secrets: () => SecretsManagerClient },
  context: LambdaContextLike,
  status: StatusWriter,
  settings: typeof DEFAULTS,
  options: EnrichHandlerOptions,
): Promise<LambdaRunReport> {
  let credentials: TmdbCredentials | undefined;
  let progress: TmdbEnrichProgress = { total: 0, done: 0, found: 0, notFound: 0, failed: 0 };
  const hardStop = new AbortController();
  const timer = setTimeout(
    () => hardStop.abort(),
    Math.max(0, context.getRemainingTimeInMillis() - settings.abortMarginMs),
  );
  try {
    credentials = credentialsOfSecret(await readSecret(secrets(), event.secretId), event.secretId);
    const { titles, skipped } = await titlesOf(event, store);
    progress = { ...progress, total: titles.length };
    status.running(progress, true);
    const { discover, fields, name, concurrency, requestsPerSecond } = event.settings;
    const result = await enrichTitles({
      store,
      getter: new TmdbClient({
        credentials,
        requestsPerSecond,
        concurrency,
        ...(options.tmdbBaseUrl ? { baseUrl: options.tmdbBaseUrl } : {}),
      }),
      titles,
      skipped,
      settings: {
        fields,
        name,
        concurrency,
        date: parseProcessingDate(event.settings.date),
        ...(discover ? { discover } : {}),
      },
      signal: hardStop.signal,
      onProgress: (p) => {
        progress = p;
        status.running(p);
      },
      deadlineReached: () => context.getRemainingTimeInMillis() < settings.stopMarginMs,
    });
    const { partial, ...done } = result;
    return partial
      ? { state: "partial", progress: progressOf(result), result: done }
      : { state: "done", result: done };
  } catch (error) {
    // The hard stop came first: every whole file is in the checkpoint, the next invocation goes on.
    if (hardStop.signal.aborted && error instanceof LakebookError && error.code === "CANCELLED") {
      return { state: "partial", progress };
    }
    const failure = toServiceError(error);
    const scrub = (text: string) => (credentials ? scrubSecret(text, credentials) : text);
    return failureOf({
      ...failure,
      message: scrub(failure.message),
      ...(failure.hint ? { hint: scrub(failure.hint) } : {}),
    });
  } finally {
    clearTimeout(timer);
  }
}

function busy(event: TmdbLambdaEvent, holder: Lease): LambdaRunReport {
  return failureOf({
    code: "TMDB_LAMBDA_BUSY",
    message:
      `Another invocation (run ${holder.runId}, invocation ${holder.invocation}, since ${holder.takenAt}) ` +
      `is enriching "${event.settings.name}" for ${event.settings.date}, so this one wrote nothing.`,
    hint:
      `Wait until it finishes (at the latest ${holder.expiresAt}), then run the cell again: it goes on from ` +
      "the checkpoint and fetches only what is missing.",
    retryable: true,
  });
}

async function titlesOf(event: TmdbLambdaEvent, store: ObjectStore): Promise<TitlesFile> {
  if (event.titles) return { titles: event.titles, skipped: event.skipped ?? [] };
  const file = await readRunFile(store, event.titlesKey as string, TitlesFileSchema);
  if (!file) {
    throw new LakebookError(
      "TMDB_LAMBDA_TITLES_MISSING",
      `The titles file ${event.titlesKey} is not in the lake.`,
      {
        hint: "Run the TMDB cell again from Lakebook: it uploads the titles before invoking the function.",
      },
    );
  }
  return file;
}

/** What Lambda calls. */
export const handler: EnrichHandler = createEnrichHandler();
