import type { JobRun } from "@aws-sdk/client-glue";
import { LakebookError } from "../../contract/errors";
import { classifySdkError, type SdkErrorRow, type SdkErrorService } from "../sdk-error-table";
import { sdkErrorName } from "../sdk-errors";

/**
 * The one place Glue (and its S3 uploads and CloudWatch logs) failures get a code and a hint.
 * Codes: AWS_CREDENTIALS, GLUE_ACCESS_DENIED, GLUE_NOT_FOUND, GLUE_CONCURRENT_RUNS, GLUE_THROTTLED,
 * GLUE_INVALID_INPUT, GLUE_LIMIT, GLUE_UNAVAILABLE, GLUE_CANCELLED, GLUE_ERROR, and for a run that
 * ended badly GLUE_JOB_FAILED, GLUE_JOB_TIMEOUT, GLUE_JOB_STOPPED, GLUE_JOB_ERROR, GLUE_JOB_EXPIRED.
 */
export interface GlueCallContext {
  /** What we were doing, as a verb phrase: "create the Glue job lakebook-transform". */
  action: string;
  /** The IAM action the call needs, named in the access-denied hint: "glue:CreateJob". */
  iamAction: string;
}

export function glueCancelled(): LakebookError {
  return new LakebookError("GLUE_CANCELLED", "The Glue job run was cancelled.", {
    hint: "Run the cell again to start a new run.",
  });
}

/** Glue's own exceptions; credentials, access, throttling and outages are the shared kinds. */
const GLUE_ROWS: readonly SdkErrorRow[] = [
  {
    names: ["EntityNotFoundException", "ResourceNotFoundException", "NoSuchBucket"],
    code: "GLUE_NOT_FOUND",
    hint: "Something this step needs does not exist (see the message): check the names in the notebook's target.",
  },
  {
    names: ["ConcurrentRunsExceededException"],
    code: "GLUE_CONCURRENT_RUNS",
    hint:
      "The Glue job is already running (it allows one run at a time): wait for it to finish, or raise " +
      "`maxConcurrentRuns` in the target's Glue settings.",
    retryable: true,
  },
  {
    names: ["InvalidInputException", "ValidationException"],
    code: "GLUE_INVALID_INPUT",
    hint: "Glue refused a setting: check the Glue settings in the notebook's target.",
  },
  {
    names: ["ResourceNumberLimitExceededException"],
    code: "GLUE_LIMIT",
    hint: "An account quota is reached (jobs, runs or tables): remove unused ones or ask AWS for more.",
  },
];

function glueService(context: GlueCallContext): SdkErrorService {
  const passRole = /^glue:(Create|Update)Job$/.test(context.iamAction)
    ? " Creating or updating a job also needs iam:PassRole on the job's role."
    : "";
  return {
    prefix: "GLUE",
    rows: GLUE_ROWS,
    hints: {
      accessDenied: `The AWS identity in use is not allowed ${context.iamAction}: add it to its IAM policy.${passRole}`,
      throttled: "AWS is limiting the request rate: try again in a moment.",
      unavailable: "AWS Glue is briefly unavailable: try again in a moment.",
      network: "Cannot reach AWS: check the network connection.",
    },
    fallback: { code: "GLUE_ERROR", hint: "See the message from AWS above." },
  };
}

/** An SDK exception from a Glue, S3 or CloudWatch Logs call made for a Glue transform. */
export function glueError(error: unknown, context: GlueCallContext): LakebookError {
  if (sdkErrorName(error) === "AbortError" && !(error instanceof LakebookError)) return glueCancelled();
  return classifySdkError(error, glueService(context), {
    message: (detail) => `Could not ${context.action}: ${detail}`,
  });
}

const RUN_ENDINGS: Record<string, { code: string; what: string; hint: string }> = {
  FAILED: {
    code: "GLUE_JOB_FAILED",
    what: "failed",
    hint: "The job's error log (shown above) names the failing step; fix the SQL or the inputs and run again.",
  },
  TIMEOUT: {
    code: "GLUE_JOB_TIMEOUT",
    what: "ran past its timeout",
    hint: "Raise `timeoutMinutes` (the course allows up to 60) or more workers in the target's Glue settings.",
  },
  STOPPED: {
    code: "GLUE_JOB_STOPPED",
    what: "was stopped",
    hint: "Someone stopped the run; run the cell again.",
  },
  ERROR: {
    code: "GLUE_JOB_ERROR",
    what: "could not run",
    hint: "Glue could not start the job (often the role: it needs AWSGlueServiceRole plus the lake's policy from aws/iam/glue-job-role.ts: S3 on the lake and on _lakebook/glue/, and Glue Data Catalog writes).",
  },
  EXPIRED: {
    code: "GLUE_JOB_EXPIRED",
    what: "expired while waiting for capacity",
    hint: "Glue had no capacity in time: run the cell again later.",
  },
};

/** The error for a run that ended in FAILED, TIMEOUT, STOPPED, ERROR or EXPIRED. */
export function jobRunError(run: JobRun): LakebookError {
  const state = run.JobRunState ?? "FAILED";
  const ending = RUN_ENDINGS[state] ?? RUN_ENDINGS.FAILED;
  const detail = run.ErrorMessage ? `: ${run.ErrorMessage}` : ".";
  return new LakebookError(
    ending?.code ?? "GLUE_JOB_FAILED",
    `Glue job run ${run.Id ?? ""} ${ending?.what ?? "failed"}${detail}`,
    {
      hint: sqlHint(run.ErrorMessage) ?? ending?.hint,
      retryable: state === "EXPIRED" || state === "ERROR",
      params: { run: run.Id ?? "" },
    },
  );
}

/** Spark's most common messages, said in the notebook's terms. */
function sqlHint(message: string | undefined): string | undefined {
  if (!message) return undefined;
  if (/TABLE_OR_VIEW_NOT_FOUND|Table or view not found/i.test(message)) {
    return "The SQL names a view that is not one of the cell's inputs: use the input names as tables.";
  }
  if (/UNRESOLVED_COLUMN|cannot resolve/i.test(message)) {
    return "The SQL names a column the inputs do not have; check the spelling (e.g. tituloPincipal).";
  }
  if (/spec field|cannot append|output\.partitionBy|column '/.test(message)) {
    return "Fix the cell's settings as the message says, then run it again.";
  }
  if (/OutOfMemory|Container killed|exit code 137/i.test(message)) {
    return "Spark ran out of memory: use G.2X workers or more of them in the target's Glue settings.";
  }
  return undefined;
}
