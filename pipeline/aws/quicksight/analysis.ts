import {
  type Analysis,
  type AnalysisDefinition,
  CreateAnalysisCommand,
  DescribeAnalysisCommand,
  RestoreAnalysisCommand,
  UpdateAnalysisCommand,
  UpdateAnalysisPermissionsCommand,
} from "@aws-sdk/client-quicksight";
import { ownerPermissions } from "./permissions";
import { isNotFound, quicksightCall } from "./quicksight-errors";
import type { EnsureAction, QuickSightScope } from "./scope";
import { waitForCreation } from "./wait-for-creation";

export interface AnalysisSpec {
  analysisId: string;
  name: string;
  definition: AnalysisDefinition;
  principalArn: string;
}

export interface EnsuredAnalysis {
  arn: string;
  action: Exclude<EnsureAction, "reused">;
  status: string;
}

/**
 * The analysis behind the dashboard: where an author keeps editing in QuickSight. Created or
 * updated with the same Definition as the dashboard, then followed until QuickSight has built it.
 */
export async function ensureAnalysis(scope: QuickSightScope, spec: AnalysisSpec): Promise<EnsuredAnalysis> {
  const { client, accountId } = scope;
  const ids = { AwsAccountId: accountId, AnalysisId: spec.analysisId };
  const existing = await describe(scope, spec.analysisId);
  let action: EnsuredAnalysis["action"];
  if (!existing) {
    await quicksightCall(
      { action: `create the analysis ${spec.analysisId}`, iamAction: "quicksight:CreateAnalysis" },
      () =>
        client.send(
          new CreateAnalysisCommand({
            ...ids,
            Name: spec.name,
            Definition: spec.definition,
            Permissions: ownerPermissions("analysis", spec.principalArn),
          }),
        ),
    );
    action = "created";
  } else {
    // A deleted analysis stays restorable for a while and blocks its id; bring it back, then update it.
    if (existing.Status === "DELETED") {
      await quicksightCall(
        { action: `restore the analysis ${spec.analysisId}`, iamAction: "quicksight:RestoreAnalysis" },
        () => client.send(new RestoreAnalysisCommand(ids)),
      );
    }
    await quicksightCall(
      { action: `update the analysis ${spec.analysisId}`, iamAction: "quicksight:UpdateAnalysis" },
      () => client.send(new UpdateAnalysisCommand({ ...ids, Name: spec.name, Definition: spec.definition })),
    );
    await quicksightCall(
      { action: `share the analysis ${spec.analysisId}`, iamAction: "quicksight:UpdateAnalysisPermissions" },
      () =>
        client.send(
          new UpdateAnalysisPermissionsCommand({
            ...ids,
            GrantPermissions: ownerPermissions("analysis", spec.principalArn),
          }),
        ),
    );
    action = "updated";
  }
  let arn = existing?.Arn;
  const status = await waitForCreation({
    what: `the analysis ${spec.analysisId}`,
    sleep: scope.sleep,
    signal: scope.signal,
    onStatus: (now) => scope.onStatus?.(`analysis ${spec.analysisId}`, now),
    describe: async () => {
      const now = await describe(scope, spec.analysisId);
      arn = now?.Arn ?? arn;
      return { status: now?.Status, errors: now?.Errors ?? [] };
    },
  });
  return { arn: arn ?? `analysis/${spec.analysisId}`, action, status };
}

async function describe(scope: QuickSightScope, analysisId: string): Promise<Analysis | undefined> {
  return quicksightCall(
    { action: `read the analysis ${analysisId}`, iamAction: "quicksight:DescribeAnalysis" },
    () =>
      scope.client
        .send(new DescribeAnalysisCommand({ AwsAccountId: scope.accountId, AnalysisId: analysisId }))
        .then(
          (answer) => answer.Analysis,
          (error: unknown) => {
            if (isNotFound(error)) return undefined;
            throw error;
          },
        ),
  );
}
