import {
  CreateJobCommand,
  GetJobCommand,
  type GlueClient,
  type JobCommand,
  type JobUpdate,
  StartJobRunCommand,
  UpdateJobCommand,
  WorkerType,
} from "@aws-sdk/client-glue";
import { z } from "zod";
import { glueError } from "./glue-errors";

/**
 * The Glue job every transform cell of a project reuses: one job (`lakebook-transform`) whose runs
 * differ only in `--spec`. Its settings default to the course's (G.1X, 2 workers, 60 minutes) and
 * are editable in the notebook's target; labels are what the UI shows.
 */
export const GlueJobSettingsSchema = z.object({
  jobName: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,255}$/)
    .default("lakebook-transform")
    .describe("Glue job name"),
  role: z.string().min(1).describe("IAM role the job runs as (name or ARN)"),
  glueVersion: z.string().default("5.0").describe("Glue version"),
  workerType: z.enum(WorkerType).default("G.1X").describe("Worker type"),
  numberOfWorkers: z.number().int().min(2).default(2).describe("Workers (the driver counts as one)"),
  timeoutMinutes: z.number().int().min(1).max(2880).default(60).describe("Timeout (minutes)"),
  maxConcurrentRuns: z.number().int().min(1).default(1).describe("Runs at once"),
  defaultArguments: z.record(z.string(), z.string()).default({}).describe("Extra job arguments"),
});
export type GlueJobSettings = z.output<typeof GlueJobSettingsSchema>;
export type GlueJobSettingsInput = z.input<typeof GlueJobSettingsSchema>;

/** Job arguments every Lakebook job carries; the settings' own `defaultArguments` may add or override. */
export const BASE_ARGUMENTS: Record<string, string> = {
  "--job-language": "python",
  // Glue 5.0 always logs in real time; 4.0 and earlier need this to stream to CloudWatch while running.
  "--enable-continuous-cloudwatch-log": "true",
  "--enable-metrics": "true",
  // Lets a user's own script read catalog tables with spark.table("trusted.movies").
  "--enable-glue-datacatalog": "true",
};

/** The job definition CreateJob and UpdateJob both send (UpdateJob replaces it whole). */
export function jobDefinition(
  settings: GlueJobSettings,
  scriptUri: string,
): JobUpdate & { Role: string; Command: JobCommand } {
  return {
    Description: "Lakebook transform cells (one run per cell run; the cell's spec is --spec).",
    Role: settings.role,
    Command: { Name: "glueetl", ScriptLocation: scriptUri, PythonVersion: "3" },
    GlueVersion: settings.glueVersion,
    WorkerType: settings.workerType,
    NumberOfWorkers: settings.numberOfWorkers,
    Timeout: settings.timeoutMinutes,
    // A failed transform is reported to the student, never silently run again.
    MaxRetries: 0,
    ExecutionProperty: { MaxConcurrentRuns: settings.maxConcurrentRuns },
    DefaultArguments: { ...BASE_ARGUMENTS, ...settings.defaultArguments },
  };
}

/** Creates the job, or updates it to these settings and script; says which. */
export async function ensureJob(
  glue: GlueClient,
  settings: GlueJobSettings,
  scriptUri: string,
): Promise<"created" | "updated"> {
  const definition = jobDefinition(settings, scriptUri);
  const name = settings.jobName;
  let exists = true;
  try {
    await glue.send(new GetJobCommand({ JobName: name }));
  } catch (error) {
    if ((error as { name?: string }).name !== "EntityNotFoundException") {
      throw glueError(error, { action: `read the Glue job ${name}`, iamAction: "glue:GetJob" });
    }
    exists = false;
  }
  if (!exists) {
    try {
      await glue.send(new CreateJobCommand({ Name: name, ...definition }));
    } catch (error) {
      throw glueError(error, { action: `create the Glue job ${name}`, iamAction: "glue:CreateJob" });
    }
    return "created";
  }
  try {
    await glue.send(new UpdateJobCommand({ JobName: name, JobUpdate: definition }));
  } catch (error) {
    throw glueError(error, { action: `update the Glue job ${name}`, iamAction: "glue:UpdateJob" });
  }
  return "updated";
}

/** Starts one run with the cell's spec; returns the JobRunId. */
export async function startRun(glue: GlueClient, jobName: string, specUri: string): Promise<string> {
  try {
    const started = await glue.send(
      new StartJobRunCommand({ JobName: jobName, Arguments: { "--spec": specUri } }),
    );
    if (!started.JobRunId) throw new Error("StartJobRun returned no JobRunId");
    return started.JobRunId;
  } catch (error) {
    throw glueError(error, { action: `start the Glue job ${jobName}`, iamAction: "glue:StartJobRun" });
  }
}
