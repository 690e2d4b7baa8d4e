import { describe, expect, it } from "vitest";
import { classifySdkError, type SdkErrorService, sdkErrorKind } from "../../../pipeline/aws/sdk-error-table";
import { LakebookError } from "../../../pipeline/contract";

const service: SdkErrorService = {
  prefix: "DEMO",
  rows: [
    { names: ["NoSuchThing"], code: "DEMO_NOT_FOUND", hint: "create it" },
    { message: /region is ([a-z]+-[a-z]+-\d)/, code: "DEMO_REGION", hint: (m) => `use ${m?.[1]}` },
    { names: ["BusyException"], code: "DEMO_BUSY", hint: "wait", retryable: true },
  ],
  hints: { accessDenied: "grant it", throttled: "slow down", unavailable: "later", network: "cable" },
  fallback: { code: "DEMO_FAILED", hint: "see above" },
};
const sdk = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: {}, ...extra });
const classify = (error: unknown) =>
  classifySdkError(error, service, { message: (detail) => `Demo could not: ${detail}` });

describe("the SDK error table", () => {
  it("gives every service the shared kinds with its own prefix and hints", () => {
    expect(classify(sdk("ExpiredToken"))).toMatchObject({ code: "AWS_CREDENTIALS", retryable: false });
    expect(classify(sdk("AccessDeniedException"))).toMatchObject({
      code: "DEMO_ACCESS_DENIED",
      hint: "grant it",
      retryable: false,
    });
    expect(classify(sdk("SlowDown"))).toMatchObject({ code: "DEMO_THROTTLED", retryable: true });
    expect(classify(sdk("Whatever", { $metadata: { httpStatusCode: 503 } }))).toMatchObject({
      code: "DEMO_UNAVAILABLE",
      hint: "later",
      retryable: true,
    });
    expect(classify(sdk("Error", { code: "ECONNRESET" }))).toMatchObject({
      code: "DEMO_UNAVAILABLE",
      hint: "cable",
    });
  });

  it("checks the service's rows, in order, before the shared kinds", () => {
    expect(classify(sdk("NoSuchThing"))).toMatchObject({ code: "DEMO_NOT_FOUND", hint: "create it" });
    expect(classify(sdk("Other", { message: "the region is eu-west-1" }))).toMatchObject({
      code: "DEMO_REGION",
      hint: "use eu-west-1",
    });
    // A 502 that the service names itself is the service's row, not "unavailable".
    expect(classify(sdk("BusyException", { $metadata: { httpStatusCode: 502 } }))).toMatchObject({
      code: "DEMO_BUSY",
      retryable: true,
    });
    expect(classify(sdk("Strange"))).toMatchObject({
      code: "DEMO_FAILED",
      message: "Demo could not: Strange happened",
    });
  });

  it("passes a LakebookError through and keeps the SDK exception as the cause", () => {
    const ours = new LakebookError("MINE", "mine");
    expect(classify(ours)).toBe(ours);
    const error = sdk("Strange");
    expect(classify(error).cause).toBe(error);
  });

  it("names the shared kind from the name, the status or the socket code", () => {
    expect(sdkErrorKind(sdk("TooManyRequestsException"))).toBe("throttled");
    expect(sdkErrorKind(sdk("X", { $metadata: { httpStatusCode: 403 } }))).toBe("accessDenied");
    expect(sdkErrorKind(sdk("InternalServerException"))).toBe("unavailable");
    expect(sdkErrorKind(sdk("ValidationException"))).toBeUndefined();
  });
});
