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
 * The one place Athena failures get their code and hint: a FAILED query's StateChangeReason and
 * the SDK's exceptions (StartQueryExecution, GetQueryExecution, GetQueryResults) become
 * LakebookErrors a student can act on. Codes: ATHENA_NO_OUTPUT_LOCATION, ATHENA_WORKGROUP,
 * ATHENA_TABLE_NOT_FOUND, ATHENA_SQL_ERROR, ATHENA_BAD_DATA, ATHENA_ACCESS_DENIED,
 * AWS_CREDENTIALS, ATHENA_THROTTLED, ATHENA_UNAVAILABLE, ATHENA_CANCELLED, ATHENA_QUERY_FAILED.
 */

const OUTPUT_LOCATION_HINT =
  "This workgroup does not set a query result location: add `athenaOutput: s3://<bucket>/athena-results/` " +
  "to the notebook's target (front matter), or set one in the workgroup's settings.";

interface AthenaSdkError extends SdkErrorShape {
  AthenaErrorCode?: string;
}

/** An SDK exception from any Athena call. */
export function athenaSdkError(error: unknown): LakebookError {
  if (error instanceof LakebookError) return error;
  const sdk = sdkErrorShape(error) as AthenaSdkError;
  const name = sdk.name ?? "Error";
  const status = sdk.$metadata?.httpStatusCode;
  const detail = sdk.message || name;
  const make = (code: string, hint: string, retryable = false) =>
    new LakebookError(code, `Athena: ${detail}`, { hint, retryable, cause: error });

  const byMessage = fromMessage(detail, error);
  if (byMessage) return byMessage;
  if (isCredentialsError(error)) {
    return make("AWS_CREDENTIALS", CREDENTIALS_HINT);
  }
  if (name === "AccessDeniedException" || name === "AccessDenied" || status === 403) {
    return make(
      "ATHENA_ACCESS_DENIED",
      "The AWS identity in use may not run Athena queries here: its IAM policy needs athena:StartQueryExecution, " +
        "athena:GetQueryExecution, athena:GetQueryResults and athena:StopQueryExecution on the workgroup, " +
        "glue:Get* on the catalog, and S3 access to the data and the result location.",
    );
  }
  if (THROTTLING_ERRORS.has(name) || status === 429) {
    return make(
      "ATHENA_THROTTLED",
      "Athena is throttling requests (too many queries at once in this account): try again in a moment.",
      true,
    );
  }
  if (name === "InternalServerException" || (status !== undefined && status >= 500)) {
    return make("ATHENA_UNAVAILABLE", "Athena had an internal error: try again in a moment.", true);
  }
  if (sdk.code && NETWORK_CODES.has(sdk.code)) {
    return make(
      "ATHENA_UNAVAILABLE",
      "Cannot reach the Athena endpoint: check the network connection and the region in the notebook's target.",
      true,
    );
  }
  if (name === "InvalidRequestException") {
    return make("ATHENA_SQL_ERROR", "Athena refused the request: check the SQL and the notebook's target.");
  }
  return make("ATHENA_QUERY_FAILED", "See Athena's message above.");
}

/** A query that ended FAILED: Athena's reason, and whether it says a retry may succeed. */
export function athenaQueryFailed(reason: string | undefined, retryable = false): LakebookError {
  const detail = reason?.trim() || "the query failed without a reason";
  return (
    fromMessage(detail) ??
    new LakebookError("ATHENA_QUERY_FAILED", `Athena query failed: ${detail}`, {
      hint: retryable
        ? "Athena says this failure is transient: run the cell again."
        : "See Athena's message above; the query is also listed in the Athena console's Recent queries.",
      retryable,
    })
  );
}

/** A query Athena cancelled without us asking: someone in the console, or a workgroup data limit. */
export function athenaCancelledElsewhere(reason: string | undefined): LakebookError {
  const limit = reason && /limit|exceed/i.test(reason);
  return new LakebookError("ATHENA_CANCELLED", `Athena cancelled the query${reason ? `: ${reason}` : "."}`, {
    hint: limit
      ? "The workgroup's per-query data limit stopped it: filter on partitions (dt) or select fewer columns."
      : "It was cancelled outside Lakebook (the Athena console or another client): run the cell again.",
    retryable: !limit,
  });
}

/** The messages that mean the same thing whether they arrive as an exception or a FAILED reason. */
function fromMessage(detail: string, cause?: unknown): LakebookError | undefined {
  const make = (code: string, hint: string) =>
    new LakebookError(code, `Athena: ${detail}`, { hint, retryable: false, cause });
  if (/no output location provided/i.test(detail))
    return make("ATHENA_NO_OUTPUT_LOCATION", OUTPUT_LOCATION_HINT);
  if (/workgroup .* (is )?not found|workgroup .* does not exist/i.test(detail)) {
    return make(
      "ATHENA_WORKGROUP",
      "Set `workgroup:` in the notebook's target to a workgroup of this account and region (primary exists in every account).",
    );
  }
  if (
    /TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|(?:Table|Schema|Database) \S+ (?:does not exist|not found)/i.test(
      detail,
    )
  ) {
    return make(
      "ATHENA_TABLE_NOT_FOUND",
      "The table or database is not in the Glue Data Catalog: run the cell that registers it, and check the " +
        "database (raw, trusted, refined) and the region in the notebook's target.",
    );
  }
  if (/access denied|AccessDenied|not authorized/i.test(detail)) {
    return make(
      "ATHENA_ACCESS_DENIED",
      "Athena could not read or write S3 with this identity: it needs s3:GetObject/ListBucket on the table's " +
        "location and s3:PutObject on the result location (athenaOutput or the workgroup's).",
    );
  }
  if (/HIVE_BAD_DATA|HIVE_CURSOR_ERROR|HIVE_PARTITION_SCHEMA_MISMATCH|INVALID_CAST_ARGUMENT/i.test(detail)) {
    return make(
      "ATHENA_BAD_DATA",
      "A file under the table's location does not match its definition: check the format and columns, the " +
        "'|' delimiter and '\\N' null marker for the course CSVs, and that no stray file sits in the folder.",
    );
  }
  if (/SYNTAX_ERROR|mismatched input|line \d+:\d+/i.test(detail)) {
    return make(
      "ATHENA_SQL_ERROR",
      "Athena runs Trino SQL: DuckDB-only syntax (::casts, list_ functions, QUALIFY with aliases) does not run " +
        "there. The line:column in the message points at the problem.",
    );
  }
  return undefined;
}
