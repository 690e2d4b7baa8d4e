import {
  AccessDeniedException,
  LimitExceededException,
  ResourceNotFoundException,
  ThrottlingException,
  UnsupportedUserEditionException,
} from "@aws-sdk/client-quicksight";
import { describe, expect, it } from "vitest";
import { quicksightError, SIGN_UP_HINT } from "../../../../pipeline/aws/quicksight";

const context = { action: "create the dashboard d", iamAction: "quicksight:CreateDashboard" };
const meta = { $metadata: {} };

describe("quicksightError: one code and hint per failure", () => {
  it("AccessDenied names the action and the IAM permission it needs", () => {
    const error = quicksightError(new AccessDeniedException({ message: "not authorized", ...meta }), context);
    expect(error.code).toBe("QUICKSIGHT_ACCESS_DENIED");
    expect(error.message).toBe("QuickSight could not create the dashboard d: not authorized");
    expect(error.hint).toContain("its IAM policy needs quicksight:CreateDashboard");
    expect(error.retryable).toBe(false);
  });

  it("ResourceNotFound means what the call says it means: for the subscription, no account", () => {
    const missing = new ResourceNotFoundException({ message: "Account 123 not found", ...meta });
    expect(quicksightError(missing, context).code).toBe("QUICKSIGHT_NOT_FOUND");
    const account = quicksightError(missing, {
      ...context,
      notFound: { code: "QUICKSIGHT_NO_ACCOUNT", hint: SIGN_UP_HINT },
    });
    expect(account.code).toBe("QUICKSIGHT_NO_ACCOUNT");
    expect(account.hint).toContain("sign up for QuickSight");
    const notSignedUp = quicksightError(
      new AccessDeniedException({ message: "Your account is not signed up for QuickSight", ...meta }),
      context,
    );
    expect(notSignedUp.code).toBe("QUICKSIGHT_NO_ACCOUNT");
  });

  it("the identity region: names it and the publish cell setting", () => {
    const error = quicksightError(
      new AccessDeniedException({
        message: "Operation is being called from endpoint eu-west-1, but your identity region is us-east-1.",
        ...meta,
      }),
      context,
    );
    expect(error.code).toBe("QUICKSIGHT_IDENTITY_REGION");
    expect(error.hint).toContain("`identityRegion: us-east-1`");
  });

  it("edition, throttling (retryable), quotas and credentials", () => {
    expect(
      quicksightError(new UnsupportedUserEditionException({ message: "x", ...meta }), context).code,
    ).toBe("QUICKSIGHT_EDITION");
    const throttled = quicksightError(new ThrottlingException({ message: "slow down", ...meta }), context);
    expect([throttled.code, throttled.retryable]).toEqual(["QUICKSIGHT_THROTTLED", true]);
    expect(
      quicksightError(new LimitExceededException({ message: "SPICE", ...meta }), context).hint,
    ).toContain("importMode: DIRECT_QUERY");
    const credentials = quicksightError(
      Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
      context,
    );
    expect(credentials.code).toBe("AWS_CREDENTIALS");
    expect(credentials.hint).toContain("profile:");
  });
});
