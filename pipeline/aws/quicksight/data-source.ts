import {
  CreateDataSourceCommand,
  type DataSource,
  DeleteDataSourceCommand,
  DescribeDataSourceCommand,
  UpdateDataSourceCommand,
  UpdateDataSourcePermissionsCommand,
} from "@aws-sdk/client-quicksight";
import { ownerPermissions } from "./permissions";
import { isNotFound, quicksightCall, quicksightError } from "./quicksight-errors";
import type { EnsureAction, QuickSightScope } from "./scope";
import { waitForCreation } from "./wait-for-creation";

export interface AthenaDataSourceSpec {
  dataSourceId: string;
  name: string;
  workgroup: string;
  /** The QuickSight user or group that owns it. */
  principalArn: string;
}

export interface EnsuredDataSource {
  arn: string;
  action: EnsureAction;
  /** Why the data source found under the id was not usable as it was (a failed build), said in the report. */
  repaired?: string;
}

/**
 * An Athena data source on the target's workgroup: created the first time, reused when it already
 * reads that workgroup, updated when it does not. QuickSight queries Athena with the workgroup's own
 * result location, which is why the preflight checks that the workgroup has one.
 *
 * One that QuickSight failed to build is never reused: CREATION_FAILED is deleted and created again,
 * UPDATE_FAILED is updated again, and the reason QuickSight gave (ErrorInfo) is kept in `repaired`.
 */
export async function ensureDataSource(
  scope: QuickSightScope,
  spec: AthenaDataSourceSpec,
): Promise<EnsuredDataSource> {
  const { client, accountId } = scope;
  const ids = { AwsAccountId: accountId, DataSourceId: spec.dataSourceId };
  const parameters = { AthenaParameters: { WorkGroup: spec.workgroup } };
  let existing = await describe(scope, spec.dataSourceId);
  const failed = existing?.Status?.endsWith("_FAILED") ? existing : undefined;
  const repaired = failed ? `${failed.Status}: ${reasonOf(failed)}` : undefined;
  if (failed) scope.onStatus?.(`data source ${spec.dataSourceId}`, `${repaired}; building it again`);
  if (failed?.Status === "CREATION_FAILED") {
    await quicksightCall(
      {
        action: `delete the data source ${spec.dataSourceId} that QuickSight failed to create`,
        iamAction: "quicksight:DeleteDataSource",
      },
      () => client.send(new DeleteDataSourceCommand(ids)),
    );
    existing = undefined;
  }
  let action: EnsureAction;
  if (!existing) {
    await quicksightCall(
      { action: `create the data source ${spec.dataSourceId}`, iamAction: "quicksight:CreateDataSource" },
      () =>
        client.send(
          new CreateDataSourceCommand({
            ...ids,
            Name: spec.name,
            Type: "ATHENA",
            DataSourceParameters: parameters,
            Permissions: ownerPermissions("dataSource", spec.principalArn),
          }),
        ),
    );
    action = "created";
  } else {
    const sameWorkgroup =
      "AthenaParameters" in (existing.DataSourceParameters ?? {}) &&
      existing.DataSourceParameters?.AthenaParameters?.WorkGroup === spec.workgroup;
    if (!failed && sameWorkgroup && existing.Name === spec.name && existing.Type === "ATHENA") {
      action = "reused";
    } else {
      await quicksightCall(
        { action: `update the data source ${spec.dataSourceId}`, iamAction: "quicksight:UpdateDataSource" },
        () =>
          client.send(
            new UpdateDataSourceCommand({ ...ids, Name: spec.name, DataSourceParameters: parameters }),
          ),
      );
      action = "updated";
    }
    // A user named since the last publish must see it too; granting again is harmless.
    await quicksightCall(
      {
        action: `share the data source ${spec.dataSourceId}`,
        iamAction: "quicksight:UpdateDataSourcePermissions",
      },
      () =>
        client.send(
          new UpdateDataSourcePermissionsCommand({
            ...ids,
            GrantPermissions: ownerPermissions("dataSource", spec.principalArn),
          }),
        ),
    );
  }
  let arn = existing?.Arn;
  if (action !== "reused") {
    await waitForCreation({
      what: `the data source ${spec.dataSourceId}`,
      sleep: scope.sleep,
      signal: scope.signal,
      onStatus: (status) => scope.onStatus?.(`data source ${spec.dataSourceId}`, status),
      describe: async () => {
        const now = await describe(scope, spec.dataSourceId);
        arn = now?.Arn ?? arn;
        return { status: now?.Status, errors: now?.ErrorInfo ? [now.ErrorInfo] : [] };
      },
    });
  }
  if (!arn) throw quicksightError(new Error("no ARN in the answer"), describeContext(spec.dataSourceId));
  return { arn, action, ...(repaired ? { repaired } : {}) };
}

function reasonOf(source: DataSource): string {
  const info = source.ErrorInfo;
  return info ? `${info.Type ?? "ERROR"}: ${info.Message ?? "no message"}` : "QuickSight gave no reason";
}

async function describe(scope: QuickSightScope, dataSourceId: string): Promise<DataSource | undefined> {
  try {
    const answer = await scope.client.send(
      new DescribeDataSourceCommand({ AwsAccountId: scope.accountId, DataSourceId: dataSourceId }),
    );
    return answer.DataSource;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw quicksightError(error, describeContext(dataSourceId));
  }
}

function describeContext(dataSourceId: string) {
  return { action: `read the data source ${dataSourceId}`, iamAction: "quicksight:DescribeDataSource" };
}
