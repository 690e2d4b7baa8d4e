import {
  CreateDashboardCommand,
  type Dashboard,
  type DashboardVersionDefinition,
  DescribeDashboardCommand,
  UpdateDashboardCommand,
  UpdateDashboardPermissionsCommand,
  UpdateDashboardPublishedVersionCommand,
} from "@aws-sdk/client-quicksight";
import { LakebookError } from "../../contract/errors";
import { ownerPermissions } from "./permissions";
import { isNotFound, quicksightCall } from "./quicksight-errors";
import { dashboardUrl, versionNumberOf } from "./quicksight-ids";
import type { EnsureAction, QuickSightScope } from "./scope";
import { waitForCreation } from "./wait-for-creation";

export interface DashboardSpec {
  dashboardId: string;
  name: string;
  definition: DashboardVersionDefinition;
  principalArn: string;
  /** Shown in QuickSight's version history, e.g. "Published from Lakebook, 2 charts". */
  versionDescription: string;
  /** For the URL: the region the dashboard lives in. */
  region: string;
}

export interface EnsuredDashboard {
  arn: string;
  action: Exclude<EnsureAction, "reused">;
  /** The version this publish made and published: 1 on the first publish. */
  versionNumber: number;
  url: string;
}

/**
 * Creates the dashboard (its first version is published at once), or, on republish, adds a new
 * version with UpdateDashboard, waits for it to build and only then publishes it, so viewers never
 * see a version that failed.
 */
export async function ensureDashboard(
  scope: QuickSightScope,
  spec: DashboardSpec,
): Promise<EnsuredDashboard> {
  const { client, accountId } = scope;
  const ids = { AwsAccountId: accountId, DashboardId: spec.dashboardId };
  const existing = await describe(scope, spec.dashboardId);
  const body = { Name: spec.name, Definition: spec.definition, VersionDescription: spec.versionDescription };
  const action: EnsuredDashboard["action"] = existing ? "updated" : "created";
  const made = existing
    ? await quicksightCall(
        { action: `update the dashboard ${spec.dashboardId}`, iamAction: "quicksight:UpdateDashboard" },
        () => client.send(new UpdateDashboardCommand({ ...ids, ...body })),
      )
    : await quicksightCall(
        { action: `create the dashboard ${spec.dashboardId}`, iamAction: "quicksight:CreateDashboard" },
        () =>
          client.send(
            new CreateDashboardCommand({
              ...ids,
              ...body,
              Permissions: ownerPermissions("dashboard", spec.principalArn),
            }),
          ),
      );
  const versionNumber = versionNumberOf(made.VersionArn);
  if (versionNumber === undefined) {
    throw new LakebookError(
      "QUICKSIGHT_FAILED",
      `QuickSight answered without a version for the dashboard ${spec.dashboardId} (VersionArn ${made.VersionArn ?? "missing"}).`,
      { hint: "Open the dashboard in QuickSight to see its versions, then publish again.", retryable: true },
    );
  }
  const what = `the dashboard ${spec.dashboardId} (version ${versionNumber})`;
  await waitForCreation({
    what,
    sleep: scope.sleep,
    signal: scope.signal,
    onStatus: (status) => scope.onStatus?.(`dashboard ${spec.dashboardId} v${versionNumber}`, status),
    describe: async () => {
      const now = await describe(scope, spec.dashboardId, versionNumber);
      return { status: now?.Version?.Status, errors: now?.Version?.Errors ?? [] };
    },
  });
  if (existing) {
    await quicksightCall(
      {
        action: `publish version ${versionNumber} of the dashboard ${spec.dashboardId}`,
        iamAction: "quicksight:UpdateDashboardPublishedVersion",
      },
      () => client.send(new UpdateDashboardPublishedVersionCommand({ ...ids, VersionNumber: versionNumber })),
    );
    await quicksightCall(
      {
        action: `share the dashboard ${spec.dashboardId}`,
        iamAction: "quicksight:UpdateDashboardPermissions",
      },
      () =>
        client.send(
          new UpdateDashboardPermissionsCommand({
            ...ids,
            GrantPermissions: ownerPermissions("dashboard", spec.principalArn),
          }),
        ),
    );
  }
  return {
    arn: made.Arn ?? existing?.Arn ?? `dashboard/${spec.dashboardId}`,
    action,
    versionNumber,
    url: dashboardUrl(spec.region, spec.dashboardId),
  };
}

async function describe(
  scope: QuickSightScope,
  dashboardId: string,
  versionNumber?: number,
): Promise<Dashboard | undefined> {
  const input = {
    AwsAccountId: scope.accountId,
    DashboardId: dashboardId,
    ...(versionNumber === undefined ? {} : { VersionNumber: versionNumber }),
  };
  return quicksightCall(
    { action: `read the dashboard ${dashboardId}`, iamAction: "quicksight:DescribeDashboard" },
    () =>
      scope.client.send(new DescribeDashboardCommand(input)).then(
        (answer) => answer.Dashboard,
        (error: unknown) => {
          if (isNotFound(error)) return undefined;
          throw error;
        },
      ),
  );
}
