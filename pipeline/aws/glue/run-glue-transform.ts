import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { GlueClient, JobRun, JobRunState } from "@aws-sdk/client-glue";
import type { S3Client } from "@aws-sdk/client-s3";
import { LakebookError } from "../../contract/errors";
import { realSleep, type Sleep } from "../sleep";
import { glueRunCost } from "./glue-cost";
import { ensureJob, type GlueJobSettingsInput, GlueJobSettingsSchema, startRun } from "./glue-job";
import { GlueLogFollower, type GlueLogLine, glueLogGroupsFor, parseResultLine } from "./glue-logs";
import { followRun } from "./glue-run";
import { type GlueBucket, RUNNER_FILE_NAME, uploadScript, uploadSpec } from "./glue-upload";
import type { TransformResult, TransformSpec } from "./transform-spec";

/** The generic runner, read from the repository (the CLI and the service run from the sources). */
export const RUNNER_SCRIPT_PATH = fileURLToPath(
  new URL(`../../../spark-scripts/${RUNNER_FILE_NAME}`, import.meta.url),
);

export interface GlueClients {
  glue: GlueClient;
  s3: S3Client;
  logs: CloudWatchLogsClient;
}

export interface RunGlueTransformOptions {
  spec: TransformSpec;
  /** The lake's bucket and prefix (scripts and specs go under `<prefix>_lakebook/glue/`) and the job's settings. */
  target: GlueBucket & { job: GlueJobSettingsInput };
  clients: GlueClients;
  /** A user's own PySpark script (AWS only) instead of the generic runner; it still gets `--spec`. */
  scriptPath?: string;
  signal?: AbortSignal;
  onState?: (state: JobRunState, run: JobRun) => void;
  onLog?: (line: GlueLogLine) => void;
  sleep?: Sleep;
  /** Reads the script file; tests give a fake. */
  readScript?: (file: string) => Promise<string>;
  now?: () => Date;
}

export interface GlueTransformOutcome {
  runId: string;
  jobName: string;
  state: JobRunState;
  executionSeconds: number | undefined;
  /** Undefined when Glue reports neither DPU-seconds nor a known worker type. */
  dpuSeconds: number | undefined;
  costUsd: number | undefined;
  /** From the runner's LAKEBOOK_RESULT line; a user's script may print none. */
  result: TransformResult | undefined;
  script: { uri: string; uploaded: boolean; custom: boolean };
}

/** Logs reach CloudWatch a few seconds after the run ends: look this many more times for the result. */
const FINAL_LOG_POLLS = 4;
const FINAL_LOG_DELAY_MS = 3_000;

/**
 * Runs one transform cell on Glue: upload the script (if changed) and the spec, create or update the
 * project's job, start a run, follow it (states and log lines as they come), and report its cost and
 * the runner's result. Throws the run's LakebookError when it does not succeed; cancelling through
 * `signal` stops the run on Glue and throws GLUE_CANCELLED once Glue confirms it.
 */
export async function runGlueTransform(options: RunGlueTransformOptions): Promise<GlueTransformOutcome> {
  const { spec, target, clients } = options;
  const sleep = options.sleep ?? realSleep;
  const parsed = GlueJobSettingsSchema.safeParse(target.job);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LakebookError(
      "GLUE_SETTINGS_INVALID",
      `The Glue job settings are invalid: ${issue?.path.join(".") || "(settings)"}: ${issue?.message}.`,
      {
        hint: "Fix the Glue settings in the notebook's target (role, workerType, numberOfWorkers ≥ 2, timeoutMinutes).",
      },
    );
  }
  const settings = parsed.data;
  const custom = options.scriptPath !== undefined;
  const file = options.scriptPath ?? RUNNER_SCRIPT_PATH;
  const body = await (options.readScript ?? ((name: string) => readFile(name, "utf8")))(file).catch(
    (error: unknown) => {
      throw new LakebookError("GLUE_SCRIPT_UNREADABLE", `Cannot read the PySpark script ${file}.`, {
        hint: custom
          ? "Check the script path in the cell's settings."
          : "Reinstall Lakebook: its Spark runner is missing.",
        cause: error,
      });
    },
  );
  throwIfCancelled(options.signal);
  const script = await uploadScript(clients.s3, target, { fileName: path.basename(file), body, custom });
  const specUri = await uploadSpec(clients.s3, target, spec, options.now?.());
  await ensureJob(clients.glue, settings, script.uri);
  throwIfCancelled(options.signal);
  const runId = await startRun(clients.glue, settings.jobName, specUri);

  const logs = new GlueLogFollower(clients.logs, runId, glueLogGroupsFor(settings.glueVersion));
  let result: TransformResult | undefined;
  const drain = async () => {
    for (const line of await logs.poll()) {
      options.onLog?.(line);
      if (line.group === "output") result = parseResultLine(line.message) ?? result;
    }
  };
  let run: JobRun;
  try {
    run = await followRun(clients.glue, {
      jobName: settings.jobName,
      runId,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onState ? { onState: options.onState } : {}),
      onPoll: drain,
      sleep,
    });
  } catch (error) {
    // The error log's last lines say why; fetch them before reporting (best effort).
    await drain().catch(() => undefined);
    throw error;
  }
  for (let attempt = 0; attempt < FINAL_LOG_POLLS && !result && !custom; attempt += 1) {
    await sleep(FINAL_LOG_DELAY_MS);
    await drain();
  }
  const cost = glueRunCost(run);
  return {
    runId,
    jobName: settings.jobName,
    state: run.JobRunState ?? "SUCCEEDED",
    executionSeconds: run.ExecutionTime,
    dpuSeconds: cost?.dpuSeconds,
    costUsd: cost?.costUsd,
    result,
    script: { ...script, custom },
  };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new LakebookError("GLUE_CANCELLED", "The Glue transform was cancelled before it started.", {
      hint: "Run the cell again to start it.",
    });
  }
}
