import { InternalServerException, InvalidRequestException } from "@aws-sdk/client-athena";
import { describe, expect, it } from "vitest";
import { athenaQueryFailed, athenaSdkError } from "../../../../pipeline/aws/athena";
import { LakebookError } from "../../../../pipeline/contract";

const named = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe("athenaSdkError", () => {
  it("points at athenaOutput when the workgroup has no result location", () => {
    const error = athenaSdkError(
      new InvalidRequestException({
        message: "No output location provided. An output location is required…",
        $metadata: {},
      }),
    );
    expect(error).toMatchObject({ code: "ATHENA_NO_OUTPUT_LOCATION", retryable: false });
    expect(error.hint).toContain("athenaOutput");
  });

  it("tells a CTAS refused by a workgroup that enforces its result location from a SQL error", () => {
    const error = athenaSdkError(
      new InvalidRequestException({
        message:
          "The Create Table As Select query failed because it was submitted with an 'external_location' property to an Athena Workgroup that enforces a centralized output location for all queries. Please remove the 'external_location' property and resubmit the query.",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    expect(error).toMatchObject({ code: "ATHENA_CTAS_LOCATION_ENFORCED", retryable: false });
    expect(error.hint).toContain('turn off "Override client-side settings"');
  });

  it("names the target's workgroup field when the workgroup is unknown", () => {
    const error = athenaSdkError(
      new InvalidRequestException({ message: "WorkGroup students is not found.", $metadata: {} }),
    );
    expect(error.code).toBe("ATHENA_WORKGROUP");
    expect(error.hint).toContain("workgroup:");
  });

  it("says how to sign in when credentials are missing or expired", () => {
    for (const error of [
      named("CredentialsProviderError", "Could not load credentials from any providers"),
      named("UnrecognizedClientException", "The security token included in the request is invalid."),
      named("ExpiredTokenException", "The security token included in the request is expired"),
    ]) {
      const mapped = athenaSdkError(error);
      expect(mapped.code).toBe("AWS_CREDENTIALS");
      expect(mapped.hint).toMatch(/profile/);
    }
  });

  it("lists the permissions for access denied", () => {
    const error = athenaSdkError(
      named("AccessDeniedException", "User is not allowed", { $metadata: { httpStatusCode: 400 } }),
    );
    expect(error.code).toBe("ATHENA_ACCESS_DENIED");
    expect(error.hint).toContain("athena:StartQueryExecution");
  });

  it("marks throttling, internal errors and network failures retryable", () => {
    expect(athenaSdkError(named("TooManyRequestsException", "slow down"))).toMatchObject({
      code: "ATHENA_THROTTLED",
      retryable: true,
    });
    expect(athenaSdkError(new InternalServerException({ message: "oops", $metadata: {} }))).toMatchObject({
      code: "ATHENA_UNAVAILABLE",
      retryable: true,
    });
    expect(athenaSdkError(named("Error", "connect ECONNREFUSED", { code: "ECONNREFUSED" }))).toMatchObject({
      code: "ATHENA_UNAVAILABLE",
      retryable: true,
    });
  });

  it("keeps an InvalidRequestException's message", () => {
    const error = athenaSdkError(
      new InvalidRequestException({ message: "Queries of this type are not supported", $metadata: {} }),
    );
    expect(error).toMatchObject({ code: "ATHENA_SQL_ERROR" });
    expect(error.message).toContain("Queries of this type are not supported");
  });

  it("passes a LakebookError through", () => {
    const original = new LakebookError("X", "y");
    expect(athenaSdkError(original)).toBe(original);
  });
});

describe("athenaQueryFailed", () => {
  it.each([
    ["line 1:15: Table 'awsdatacatalog.refined.nope' does not exist", "ATHENA_TABLE_NOT_FOUND"],
    ["SCHEMA_NOT_FOUND: line 1:15: Schema 'nope' does not exist", "ATHENA_TABLE_NOT_FOUND"],
    ["line 1:8: mismatched input 'FORM'", "ATHENA_SQL_ERROR"],
    ["SYNTAX_ERROR: line 2:10: Column 'x' cannot be resolved", "ATHENA_SQL_ERROR"],
    ["HIVE_BAD_DATA: Error parsing field value '\\N' for field 3", "ATHENA_BAD_DATA"],
    ["Access Denied (Service: Amazon S3; Status Code: 403)", "ATHENA_ACCESS_DENIED"],
    ["No output location provided.", "ATHENA_NO_OUTPUT_LOCATION"],
    ["Something unexpected", "ATHENA_QUERY_FAILED"],
  ])("%s → %s", (reason, code) => {
    const error = athenaQueryFailed(reason);
    expect(error.code).toBe(code);
    expect(error.message).toContain(reason);
    expect(error.hint).toBeTruthy();
  });

  it("has a message even without a reason", () => {
    expect(athenaQueryFailed(undefined).message).toMatch(/without a reason/);
  });
});
