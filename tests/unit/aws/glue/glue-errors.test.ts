import {
  AccessDeniedException,
  ConcurrentRunsExceededException,
  EntityNotFoundException,
  InternalServiceException,
  InvalidInputException,
  ResourceNumberLimitExceededException,
  ThrottlingException,
} from "@aws-sdk/client-glue";
import { describe, expect, it } from "vitest";
import { glueError, jobRunError } from "../../../../pipeline/aws/glue";
import { LakebookError } from "../../../../pipeline/contract";

const context = { action: "start the Glue job lakebook-transform", iamAction: "glue:StartJobRun" };
const meta = { $metadata: {} };

describe("glueError", () => {
  it.each([
    [new AccessDeniedException({ message: "no", ...meta }), "GLUE_ACCESS_DENIED", false, "glue:StartJobRun"],
    [new EntityNotFoundException({ message: "no job", ...meta }), "GLUE_NOT_FOUND", false, "target"],
    [new ConcurrentRunsExceededException({ message: "busy", ...meta }), "GLUE_CONCURRENT_RUNS", true, "wait"],
    [new ThrottlingException({ message: "slow", ...meta }), "GLUE_THROTTLED", true, "moment"],
    [new InvalidInputException({ message: "bad", ...meta }), "GLUE_INVALID_INPUT", false, "Glue settings"],
    [new ResourceNumberLimitExceededException({ message: "many", ...meta }), "GLUE_LIMIT", false, "quota"],
    [new InternalServiceException({ message: "oops", ...meta }), "GLUE_UNAVAILABLE", true, "moment"],
    [Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), "GLUE_UNAVAILABLE", true, "network"],
    [new Error("something else"), "GLUE_ERROR", false, "AWS"],
  ])("maps %s to %s", (error, code, retryable, hint) => {
    const mapped = glueError(error, context);
    expect(mapped).toBeInstanceOf(LakebookError);
    expect(mapped.code).toBe(code);
    expect(mapped.retryable).toBe(retryable);
    expect(mapped.hint).toContain(hint);
    expect(mapped.message).toContain("Could not start the Glue job lakebook-transform");
  });

  it("tells a student without credentials to configure the profile", () => {
    const missing = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    const mapped = glueError(missing, context);
    expect(mapped.code).toBe("AWS_CREDENTIALS");
    expect(mapped.hint).toContain("aws configure");
    expect(mapped.hint).toContain("profile");
  });

  it("adds iam:PassRole only for creating or updating a job", () => {
    const denied = new AccessDeniedException({ message: "no", ...meta });
    expect(glueError(denied, { action: "x", iamAction: "glue:UpdateJob" }).hint).toContain("iam:PassRole");
    expect(glueError(denied, context).hint).not.toContain("iam:PassRole");
  });

  it("keeps a LakebookError and turns an abort into GLUE_CANCELLED", () => {
    const own = new LakebookError("X", "y");
    expect(glueError(own, context)).toBe(own);
    expect(glueError(Object.assign(new Error("aborted"), { name: "AbortError" }), context).code).toBe(
      "GLUE_CANCELLED",
    );
  });
});

describe("jobRunError", () => {
  it("hints at memory for an out-of-memory failure", () => {
    const error = jobRunError({
      Id: "jr_1",
      JobRunState: "FAILED",
      ErrorMessage: "java.lang.OutOfMemoryError",
    });
    expect(error.code).toBe("GLUE_JOB_FAILED");
    expect(error.message).toBe("Glue job run jr_1 failed: java.lang.OutOfMemoryError");
    expect(error.hint).toContain("G.2X");
  });

  it("points a spec problem back at the cell's settings", () => {
    const error = jobRunError({
      Id: "jr_1",
      JobRunState: "FAILED",
      ErrorMessage: "SpecError: output.partitionBy names day, which the query does not return",
    });
    expect(error.hint).toContain("cell's settings");
  });
});
