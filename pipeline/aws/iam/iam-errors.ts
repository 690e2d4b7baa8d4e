import { classifySdkError, type SdkErrorService } from "../sdk-error-table";
import { CREDENTIALS_HINT } from "../sdk-errors";

/** The doctor's rows of the error table: STS (who am I) and IAM (the simulator). */
export const IAM_ERRORS: SdkErrorService = {
  prefix: "IAM",
  rows: [
    {
      names: ["NoSuchEntity", "NoSuchEntityException"],
      code: "IAM_NO_SUCH_ENTITY",
      hint: "The identity's user or role was not found by IAM; check the notebook's profile.",
    },
  ],
  hints: {
    accessDenied:
      "Ask your administrator for iam:SimulatePrincipalPolicy on your own user or role, or check the generated policy by hand.",
    throttled: "IAM is busy; run the doctor again in a moment.",
    unavailable: "IAM is unavailable right now; run the doctor again in a moment.",
    network: "IAM and STS could not be reached; check the network connection.",
  },
  fallback: { code: "IAM_ERROR", hint: CREDENTIALS_HINT },
};

export function iamError(error: unknown, action: string) {
  return classifySdkError(error, IAM_ERRORS, { message: (detail) => `Could not ${action}: ${detail}` });
}
