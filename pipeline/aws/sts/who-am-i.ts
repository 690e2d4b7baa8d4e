import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { type AwsClientSettings, type AwsClients, awsClients } from "../clients";
import { classifySdkError, type SdkErrorService } from "../sdk-error-table";
import { CREDENTIALS_HINT } from "../sdk-errors";

const STS_ERRORS: SdkErrorService = {
  prefix: "STS",
  rows: [
    {
      names: ["RegionDisabledException"],
      code: "STS_REGION_DISABLED",
      hint: "STS is not activated in this region for the account: pick another region, or activate it in IAM's account settings.",
    },
  ],
  hints: {
    accessDenied: "GetCallerIdentity needs no permission; an explicit deny or an SCP blocks it here.",
    throttled: "STS is busy; try again in a moment.",
    unavailable: "STS is unavailable right now; try again in a moment.",
    network: "STS could not be reached; check the network connection and the region.",
  },
  fallback: { code: "STS_ERROR", hint: CREDENTIALS_HINT },
};

export interface WhoAmI {
  account: string;
  arn: string;
}

/**
 * Who a profile is in a region: STS GetCallerIdentity, which needs no permission
 * (docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html), so it answers for any
 * working credentials and a failure is a credentials problem. Clients come from the one factory;
 * `clientsFor` is replaced in tests.
 */
export async function whoAmI(
  settings: Pick<AwsClientSettings, "profile" | "region">,
  clientsFor: (settings: AwsClientSettings) => AwsClients = awsClients,
): Promise<WhoAmI> {
  const clients = clientsFor(settings);
  try {
    const answer = await clients.sts().send(new GetCallerIdentityCommand({}));
    return { account: answer.Account ?? "", arn: answer.Arn ?? "" };
  } catch (error) {
    throw classifySdkError(error, STS_ERRORS, {
      message: (detail) => `Could not tell who ${settings.profile ?? "the default profile"} is: ${detail}`,
    });
  } finally {
    clients.destroy();
  }
}
