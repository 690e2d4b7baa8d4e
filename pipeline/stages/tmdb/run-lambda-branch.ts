import { LakebookError } from "../../contract";
import type { AwsTarget } from "../../document";
import { type ProcessingDate, S3Store } from "../../lake";
import type { StageContext } from "../stage";
import { tmdbCredentials } from "./client";
import type { TmdbEnrichResult } from "./enrich";
import { runTmdbOnLambda } from "./lambda";
import { progressMessage } from "./progress-message";
import { planMessage, planRun, sampleSelection } from "./run-plan";
import { selectTitles } from "./select-titles";
import type { TmdbSettings } from "./settings";

/**
 * The TMDB cell with `lambda:` on an aws target: the titles are selected here (DuckDB), the
 * fetching runs as the Lambda function. It needs real TMDB credentials: a function in AWS cannot
 * reach the offline sample, which is a server on this machine.
 */
export async function enrichOnLambda(
  cellId: string,
  settings: TmdbSettings & { lambda: NonNullable<TmdbSettings["lambda"]> },
  date: ProcessingDate,
  context: StageContext,
  target: AwsTarget,
): Promise<TmdbEnrichResult> {
  const credentials = await tmdbCredentials(context.storedTmdbCredential);
  if (!credentials) {
    throw new LakebookError(
      "TMDB_LAMBDA_NEEDS_CREDENTIALS",
      `TMDB cell "${cellId}" runs on Lambda, which needs a TMDB credential.`,
      {
        hint: "Set a TMDB token in Settings (or TMDB_READ_ACCESS_TOKEN where Lakebook runs); it is stored in Secrets Manager for the function, never in the notebook.",
      },
    );
  }
  if (!(context.store instanceof S3Store)) {
    throw new LakebookError(
      "TMDB_LAMBDA_NEEDS_S3",
      `TMDB cell "${cellId}" runs on Lambda, which writes to the S3 lake.`,
      {
        hint: "Open the notebook without --lake so its aws target's bucket is the lake.",
      },
    );
  }
  const selected = await selectTitles(settings.select, context);
  // The same hash-picked sample as the local branch, so a cell gives the same titles either way.
  const selection = settings.sample === undefined ? selected : sampleSelection(selected, settings.sample);
  const rate = settings.requestsPerSecond;
  context.log(
    "info",
    `TMDB (on AWS Lambda): ${planMessage(planRun(selected, settings.sample, rate), rate)}.`,
  );
  const started = Date.now();
  let doneThisRun = 0;
  return runTmdbOnLambda({
    store: context.store,
    titles: selection.titles,
    skipped: selection.skipped,
    settings: { ...settings, date },
    credentials,
    aws: { region: target.region, ...(target.profile ? { profile: target.profile } : {}) },
    ...(context.aws ? { clients: { lambda: context.aws.lambda(), secrets: context.aws.secrets() } } : {}),
    signal: context.signal,
    onProgress: (p) => {
      doneThisRun += 1;
      context.progress({
        done: p.done,
        total: p.total,
        unit: "titles",
        message: progressMessage(p, {
          doneThisRun,
          requests: 0,
          retries: 0,
          elapsedMs: Date.now() - started,
        }),
      });
    },
    onLog: (text) => context.log("info", text),
  });
}
