import type { JobRun } from "@aws-sdk/client-glue";
import { LakebookError } from "../../contract/errors";
import {
  CREDENTIALS_HINT,
  isCredentialsError,
  NETWORK_CODES,
  type SdkErrorShape,
  sdkErrorShape,
  THROTTLING_ERRORS,
} from "../sdk-errors";

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

const UNAVAILABLE = new Set([
  "InternalServiceException",
  "InternalServerException",
  "OperationTimeoutException",
]);

export function glueCancelled(): LakebookError {
  return new LakebookError("GLUE_CANCELLED", "The Glue job run was cancelled.", {
    hint: "Run the cell again to start a new run.",
  });
}

/** An SDK exception from a Glue, S3 or CloudWatch Logs call made for a Glue transform. */
export function glueError(error: unknown, context: GlueCallContext): LakebookError {
  if (error instanceof LakebookError) return error;
  const sdk = sdkErrorShape(error) as SdkErrorShape;
  const name = sdk.name ?? "Error";
  if (name === "AbortError") return glueCancelled();
  const status = sdk.$metadata?.httpStatusCode;
  const message = `Could not ${context.action}: ${sdk.message || name}`;
  const make = (code: string, hint: string, retryable = false) =>
    new LakebookError(code, message, { hint, retryable, cause: error });

  if (isCredentialsError(error)) {
    return make("AWS_CREDENTIALS", CREDENTIALS_HINT);
  }
  if (name === "AccessDeniedException" || name === "AccessDenied" || status === 403) {
    const passRole = /^glue:(Create|Update)Job$/.test(context.iamAction)
      ? " Creating or updating a job also needs iam:PassRole on the job's role."
      : "";
    return make(
      "GLUE_ACCESS_DENIED",
      `The AWS identity in use is not allowed ${context.iamAction}: add it to its IAM policy.${passRole}`,
    );
  }
  if (name === "EntityNotFoundException" || name === "ResourceNotFoundException" || name === "NoSuchBucket") {
    return make(
      "GLUE_NOT_FOUND",
      "Something this step needs does not exist (see the message): check the names in the notebook's target.",
    );
  }
  if (name === "ConcurrentRunsExceededException") {
    return make(
      "GLUE_CONCURRENT_RUNS",
      "The Glue job is already running (it allows one run at a time): wait for it to finish, or raise " +
        "`maxConcurrentRuns` in the target's Glue settings.",
      true,
    );
  }
  if (THROTTLING_ERRORS.has(name) || status === 429) {
    return make("GLUE_THROTTLED", "AWS is limiting the request rate: try again in a moment.", true);
  }
  if (name === "InvalidInputException" || name === "ValidationException") {
    return make(
      "GLUE_INVALID_INPUT",
      "Glue refused a setting: check the Glue settings in the notebook's target.",
    );
  }
  if (name === "ResourceNumberLimitExceededException") {
    return make(
      "GLUE_LIMIT",
      "An account quota is reached (jobs, runs or tables): remove unused ones or ask AWS for more.",
    );
  }
  if (UNAVAILABLE.has(name) || (status !== undefined && status >= 500)) {
    return make("GLUE_UNAVAILABLE", "AWS Glue is briefly unavailable: try again in a moment.", true);
  }
  if (sdk.code && NETWORK_CODES.has(sdk.code)) {
    return make("GLUE_UNAVAILABLE", "Cannot reach AWS: check the network connection.", true);
  }
  return make("GLUE_ERROR", "See the message from AWS above.");
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
    hint: "Glue could not start the job (often the role: it needs AWSGlueServiceRole and S3 access to the bucket).",
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
    { hint: sqlHint(run.ErrorMessage) ?? ending?.hint, retryable: state === "EXPIRED" || state === "ERROR" },
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
