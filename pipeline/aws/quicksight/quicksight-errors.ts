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

export function quicksightError(error: unknown, context: QuickSightCallContext): LakebookError {
  if (error instanceof LakebookError) return error;
  const sdk = sdkErrorShape(error) as SdkErrorShape;
  const name = sdk.name ?? "Error";
  const detail = sdk.message || name;
  const status = sdk.$metadata?.httpStatusCode;
  const make = (code: string, hint: string, retryable = false) =>
    new LakebookError(code, `QuickSight could not ${context.action}: ${detail}`, {
      hint,
      retryable,
      cause: error,
    });

  if (isCredentialsError(error)) {
    return make("AWS_CREDENTIALS", CREDENTIALS_HINT);
  }
  // QuickSight keeps users in one "identity region"; user calls elsewhere are refused with its name.
  const identityRegion = /identity region is ([a-z]{2}(?:-[a-z]+)+-\d)/i.exec(detail)?.[1];
  if (identityRegion) {
    return make(
      "QUICKSIGHT_IDENTITY_REGION",
      `QuickSight users live in the identity region ${identityRegion}: add \`identityRegion: ${identityRegion}\` ` +
        "to the publish cell (dashboards stay in the notebook's region).",
    );
  }
  if (name === "ResourceNotFoundException" && context.notFound) {
    return make(context.notFound.code, context.notFound.hint);
  }
  if (/not signed up|is not subscribed|no quicksight account/i.test(detail)) {
    return make("QUICKSIGHT_NO_ACCOUNT", SIGN_UP_HINT);
  }
  if (name === "AccessDeniedException" || name === "AccessDenied" || status === 403) {
    return make(
      "QUICKSIGHT_ACCESS_DENIED",
      `The AWS identity in use may not ${context.action}: its IAM policy needs ${context.iamAction}. ` +
        "Ask the account's administrator, or attach a policy allowing quicksight:* on this account's resources for the course.",
    );
  }
  if (name === "UnsupportedUserEditionException" || name === "UnsupportedPricingPlanException") {
    return make(
      "QUICKSIGHT_EDITION",
      "This QuickSight edition does not offer the operation: some API calls need Enterprise edition " +
        "(Manage QuickSight → Your subscriptions). Publishing with the Definition API works on Standard edition in most regions.",
    );
  }
  if (THROTTLING_ERRORS.has(name) || status === 429) {
    return make(
      "QUICKSIGHT_THROTTLED",
      "QuickSight is throttling requests: publish again in a moment.",
      true,
    );
  }
  if (
    name === "InternalFailureException" ||
    name === "ResourceUnavailableException" ||
    (status ?? 0) >= 500
  ) {
    return make(
      "QUICKSIGHT_UNAVAILABLE",
      "QuickSight had an internal error: publish again in a moment.",
      true,
    );
  }
  if (sdk.code && NETWORK_CODES.has(sdk.code)) {
    return make(
      "QUICKSIGHT_UNAVAILABLE",
      "Cannot reach the QuickSight endpoint: check the network connection and the region in the notebook's target.",
      true,
    );
  }
  if (name === "InvalidParameterValueException" || name === "ValidationException") {
    return make(
      "QUICKSIGHT_INVALID",
      "QuickSight refused the request's content: the message names the field. If it is a column, check that the " +
        "chart's fields exist in the dataset (the SQL cell's columns or the REFINED table's).",
    );
  }
  if (name === "ResourceNotFoundException") {
    return make("QUICKSIGHT_NOT_FOUND", "Something QuickSight needs is missing: the message names it.");
  }
  if (
    name === "ConflictException" ||
    name === "ResourceExistsException" ||
    name === "PreconditionNotMetException"
  ) {
    return make(
      "QUICKSIGHT_CONFLICT",
      "Another change to the same QuickSight resource is in progress (or it was changed meanwhile): publish again in a minute.",
      true,
    );
  }
  if (name === "LimitExceededException") {
    return make(
      "QUICKSIGHT_LIMIT",
      "A QuickSight quota was reached (for SPICE: the capacity or the daily refreshes): see Manage QuickSight → SPICE capacity, " +
        "or publish with importMode: DIRECT_QUERY.",
    );
  }
  return make("QUICKSIGHT_FAILED", "See QuickSight's message above.");
}

/** Runs one SDK call; a failure becomes a LakebookError saying what was being done. */
export async function quicksightCall<T>(context: QuickSightCallContext, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw quicksightError(error, context);
  }
}
