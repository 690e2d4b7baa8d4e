import type { LakebookError } from "../../contract/errors";
import { classifySdkError, type SdkErrorRow, type SdkErrorService } from "../sdk-error-table";

/**
 * The one place QuickSight (and STS) failures get their code and hint, so every call of the
 * publish flow tells a student what to change and where. Codes: AWS_CREDENTIALS,
 * QUICKSIGHT_NO_ACCOUNT, QUICKSIGHT_USER_NOT_FOUND, QUICKSIGHT_ACCESS_DENIED, QUICKSIGHT_IDENTITY_REGION, QUICKSIGHT_EDITION,
 * QUICKSIGHT_THROTTLED, QUICKSIGHT_UNAVAILABLE, QUICKSIGHT_INVALID, QUICKSIGHT_NOT_FOUND,
 * QUICKSIGHT_CONFLICT, QUICKSIGHT_LIMIT, QUICKSIGHT_FAILED.
 */

/** What was being done when the call failed: words for the message and the IAM action it needs. */
export interface QuickSightCallContext {
  action: string;
  iamAction: string;
  /** What ResourceNotFoundException means for this call, when it is not "no such resource" (e.g. no account). */
  notFound?: { code: string; hint: string };
}

export const SIGN_UP_HINT =
  "This AWS account has no QuickSight subscription in this region: sign up for QuickSight in the AWS console " +
  "(QuickSight → Sign up for QuickSight; Standard edition is enough for the course), then publish again.";

/** Whether an SDK error is QuickSight saying "no such resource" (Describe before Create). */
export function isNotFound(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "ResourceNotFoundException";
}

/** QuickSight's own exceptions and messages, after the call's own meaning of "not found" (if any). */
const QUICKSIGHT_ROWS: readonly SdkErrorRow[] = [
  {
    message: /not signed up|is not subscribed|no quicksight account/i,
    code: "QUICKSIGHT_NO_ACCOUNT",
    hint: SIGN_UP_HINT,
  },
  {
    names: ["UnsupportedUserEditionException", "UnsupportedPricingPlanException"],
    code: "QUICKSIGHT_EDITION",
    hint:
      "This QuickSight edition does not offer the operation: some API calls need Enterprise edition " +
      "(Manage QuickSight → Your subscriptions). Publishing with the Definition API works on Standard edition in most regions.",
  },
  {
    names: ["InvalidParameterValueException", "ValidationException"],
    code: "QUICKSIGHT_INVALID",
    hint:
      "QuickSight refused the request's content: the message names the field. If it is a column, check that the " +
      "chart's fields exist in the dataset (the SQL cell's columns or the REFINED table's).",
  },
  {
    names: ["ResourceNotFoundException"],
    code: "QUICKSIGHT_NOT_FOUND",
    hint: "Something QuickSight needs is missing: the message names it.",
  },
  {
    names: ["ConflictException", "ResourceExistsException", "PreconditionNotMetException"],
    code: "QUICKSIGHT_CONFLICT",
    hint: "Another change to the same QuickSight resource is in progress (or it was changed meanwhile): publish again in a minute.",
    retryable: true,
  },
  {
    names: ["LimitExceededException"],
    code: "QUICKSIGHT_LIMIT",
    hint:
      "A QuickSight quota was reached (for SPICE: the capacity or the daily refreshes): see Manage QuickSight → SPICE capacity, " +
      "or publish with importMode: DIRECT_QUERY.",
  },
];

/** QuickSight keeps users in one "identity region"; user calls elsewhere are refused with its name. */
const IDENTITY_REGION_ROW: SdkErrorRow = {
  message: /identity region is ([a-z]{2}(?:-[a-z]+)+-\d)/i,
  code: "QUICKSIGHT_IDENTITY_REGION",
  hint: (match) =>
    `QuickSight users live in the identity region ${match?.[1]}: add \`identityRegion: ${match?.[1]}\` ` +
    "to the publish cell (dashboards stay in the notebook's region).",
};

function quicksightService(context: QuickSightCallContext): SdkErrorService {
  const notFound = context.notFound;
  return {
    prefix: "QUICKSIGHT",
    rows: [
      IDENTITY_REGION_ROW,
      ...(notFound ? [{ names: ["ResourceNotFoundException"], ...notFound }] : []),
      ...QUICKSIGHT_ROWS,
    ],
    hints: {
      accessDenied:
        `The AWS identity in use may not ${context.action}: its IAM policy needs ${context.iamAction}. ` +
        "Ask the account's administrator, or attach a policy allowing quicksight:* on this account's resources for the course.",
      throttled: "QuickSight is throttling requests: publish again in a moment.",
      unavailable: "QuickSight had an internal error: publish again in a moment.",
      network:
        "Cannot reach the QuickSight endpoint: check the network connection and the region in the notebook's target.",
    },
    fallback: { code: "QUICKSIGHT_FAILED", hint: "See QuickSight's message above." },
  };
}

export function quicksightError(error: unknown, context: QuickSightCallContext): LakebookError {
  return classifySdkError(error, quicksightService(context), {
    message: (detail) => `QuickSight could not ${context.action}: ${detail}`,
  });
}

/** Runs one SDK call; a failure becomes a LakebookError saying what was being done. */
export async function quicksightCall<T>(context: QuickSightCallContext, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw quicksightError(error, context);
  }
}
