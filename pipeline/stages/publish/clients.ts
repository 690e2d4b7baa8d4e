import { AthenaClient } from "@aws-sdk/client-athena";
import { GlueClient } from "@aws-sdk/client-glue";
import { QuickSightClient } from "@aws-sdk/client-quicksight";
import { STSClient } from "@aws-sdk/client-sts";
import type { QuickSightSend, StsSend } from "../../aws/quicksight";
import type { AwsTarget } from "../../document";

/** The AWS clients one publish uses; injected whole in tests (aws-sdk-client-mock). */
export interface PublishClients {
  sts: StsSend;
  /** In the target's region: data source, datasets, analysis, dashboard. */
  quicksight: QuickSightSend;
  /** In QuickSight's identity region, where its users and groups live (often us-east-1). */
  quicksightIdentity: QuickSightSend;
  athena: Pick<AthenaClient, "send">;
  glue: Pick<GlueClient, "send">;
}

export type PublishClientFactory = (target: AwsTarget, identityRegion: string) => PublishClients;

/** Real clients from the SDK's default credential chain; the notebook only names a profile. */
export const createPublishClients: PublishClientFactory = (target, identityRegion) => {
  const base = { region: target.region, ...(target.profile ? { profile: target.profile } : {}) };
  const quicksight = new QuickSightClient(base);
  return {
    sts: new STSClient(base),
    quicksight,
    quicksightIdentity:
      identityRegion === target.region
        ? quicksight
        : new QuickSightClient({ ...base, region: identityRegion }),
    athena: new AthenaClient(base),
    glue: new GlueClient(base),
  };
};
