import { LakebookError } from "../../contract/errors";
import {
  classifySdkError,
  hintOf,
  matchRow,
  type SdkErrorRow,
  type SdkErrorService,
} from "../sdk-error-table";

/**
 * The one place Athena failures get their code and hint: a FAILED query's StateChangeReason and
 * the SDK's exceptions (StartQueryExecution, GetQueryExecution, GetQueryResults) become
 * LakebookErrors a student can act on. Codes: ATHENA_NO_OUTPUT_LOCATION, ATHENA_WORKGROUP,
 * ATHENA_CTAS_LOCATION_ENFORCED, ATHENA_TABLE_NOT_FOUND, ATHENA_SQL_ERROR, ATHENA_BAD_DATA,
 * ATHENA_ACCESS_DENIED, AWS_CREDENTIALS, ATHENA_THROTTLED, ATHENA_UNAVAILABLE, ATHENA_CANCELLED, ATHENA_QUERY_FAILED.
 */

const OUTPUT_LOCATION_HINT =
  "This workgroup does not set a query result location: add `athenaOutput: s3://<bucket>/athena-results/` " +
  "to the notebook's target (front matter), or set one in the workgroup's settings.";

/**
 * A workgroup with "Override client-side settings" (EnforceWorkGroupConfiguration) writes every
 * query under its own result location, and StartQueryExecution refuses a CTAS that names an
 * `external_location` (InvalidRequestException; AWS's words, as reported in
 * https://github.com/dbt-labs/dbt-athena/issues/176: "The Create Table As Select query failed because
 * it was submitted with an 'external_location' property to an Athena Workgroup that enforces a
 * centralized output location for all queries. Please remove the 'external_location' property and
 * resubmit the query."; https://docs.aws.amazon.com/athena/latest/ug/ctas-considerations-limitations.html).
 * The SQL stage names the workgroup and the table (`stages/sql/athena-run.ts`).
 */
export const CTAS_LOCATION_ENFORCED = "ATHENA_CTAS_LOCATION_ENFORCED";
export const ENFORCED_WORKGROUP_FIX =
  'turn off "Override client-side settings" in its settings (Athena console → Workgroups → Edit), ' +
  "or set `workgroup:` in the notebook's target to a workgroup that does not override them";

/** Athena's messages that say what to fix, whichever call or query they come from. */
const MESSAGE_ROWS: readonly SdkErrorRow[] = [
  {
    message:
      /'external_location' property to an Athena Workgroup that enforces a centralized output location/i,
    code: CTAS_LOCATION_ENFORCED,
    hint:
      "The workgroup enforces its own query result location, so Athena will not write a CREATE TABLE AS " +
      `into the lake's zone: ${ENFORCED_WORKGROUP_FIX}.`,
  },
  { message: /no output location provided/i, code: "ATHENA_NO_OUTPUT_LOCATION", hint: OUTPUT_LOCATION_HINT },
  {
    message: /workgroup .* (is )?not found|workgroup .* does not exist/i,
    code: "ATHENA_WORKGROUP",
    hint: "Set `workgroup:` in the notebook's target to a workgroup of this account and region (primary exists in every account).",
  },
  {
    message: /TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|(?:Table|Schema|Database) \S+ (?:does not exist|not found)/i,
    code: "ATHENA_TABLE_NOT_FOUND",
    hint:
      "The table or database is not in the Glue Data Catalog: run the cell that registers it, and check the " +
      "database (raw, trusted, refined) and the region in the notebook's target.",
  },
  {
    message: /access denied|AccessDenied|not authorized/i,
    code: "ATHENA_ACCESS_DENIED",
    hint:
      "Athena could not read or write S3 with this identity: it needs s3:GetObject/ListBucket on the table's " +
      "location and s3:PutObject on the result location (athenaOutput or the workgroup's).",
  },
  {
    message: /HIVE_BAD_DATA|HIVE_CURSOR_ERROR|HIVE_PARTITION_SCHEMA_MISMATCH|INVALID_CAST_ARGUMENT/i,
    code: "ATHENA_BAD_DATA",
    hint:
      "A file under the table's location does not match its definition: check the format and columns, the " +
      "'|' delimiter and '\\N' null marker for the course CSVs, and that no stray file sits in the folder.",
  },
  {
    message: /SYNTAX_ERROR|mismatched input|line \d+:\d+/i,
    code: "ATHENA_SQL_ERROR",
    hint:
      "Athena runs Trino SQL: DuckDB-only syntax (::casts, list_ functions, QUALIFY with aliases) does not run " +
      "there. The line:column in the message points at the problem.",
  },
];

const ATHENA_SERVICE: SdkErrorService = {
  prefix: "ATHENA",
  rows: [
    // The same words mean the same thing whether they come as an exception or as a FAILED reason.
    ...MESSAGE_ROWS,
    {
      names: ["InvalidRequestException"],
      code: "ATHENA_SQL_ERROR",
      hint: "Athena refused the request: check the SQL and the notebook's target.",
    },
  ],
  hints: {
    accessDenied:
      "The AWS identity in use may not run Athena queries here: its IAM policy needs athena:StartQueryExecution, " +
      "athena:GetQueryExecution, athena:GetQueryResults and athena:StopQueryExecution on the workgroup, " +
      "glue:Get* on the catalog, and S3 access to the data and the result location.",
    throttled:
      "Athena is throttling requests (too many queries at once in this account): try again in a moment.",
    unavailable: "Athena had an internal error: try again in a moment.",
    network:
      "Cannot reach the Athena endpoint: check the network connection and the region in the notebook's target.",
  },
  fallback: { code: "ATHENA_QUERY_FAILED", hint: "See Athena's message above." },
};

/** An SDK exception from any Athena call. */
export function athenaSdkError(error: unknown): LakebookError {
  return classifySdkError(error, ATHENA_SERVICE, { message: (detail) => `Athena: ${detail}` });
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

/** A FAILED reason Athena words like one of its exceptions. */
function fromMessage(detail: string): LakebookError | undefined {
  const found = matchRow(MESSAGE_ROWS, undefined, detail);
  if (!found) return undefined;
  return new LakebookError(found.row.code, `Athena: ${detail}`, {
    hint: hintOf(found.row, found.match),
    retryable: false,
  });
}
