import type { AthenaSend } from "../../aws/athena";
import type { AwsClients } from "../../aws/clients";
import type { GlueSend } from "../../aws/glue";
import type { QuickSightSend, StsSend } from "../../aws/quicksight";
import type { AwsTarget } from "../../document";

/** The AWS clients one publish uses; injected whole in tests (aws-sdk-client-mock). */
export interface PublishClients {
  sts: StsSend;
  /** In the target's region: data source, datasets, analysis, dashboard. */
  quicksight: QuickSightSend;
  /** In QuickSight's identity region, where its users and groups live (often us-east-1). */
  quicksightIdentity: QuickSightSend;
  athena: AthenaSend;
  glue: GlueSend;
}

export type PublishClientFactory = (target: AwsTarget, identityRegion: string) => PublishClients;

/** The workspace's clients (the target's region and profile), with QuickSight's identity region beside them. */
export function publishClientsOf(aws: AwsClients, identityRegion: string): PublishClients {
  return {
    sts: aws.sts(),
    quicksight: aws.quicksight(),
    quicksightIdentity: aws.quicksightIn(identityRegion),
    athena: aws.athena(),
    glue: aws.glue(),
  };
}
