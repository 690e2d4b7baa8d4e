import {
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeAccountSubscriptionCommand,
  DescribeAnalysisCommand,
  DescribeDashboardCommand,
  DescribeDataSetCommand,
  DescribeDataSourceCommand,
  QuickSightClient,
  ResourceNotFoundException,
  RestoreAnalysisCommand,
  UpdateAnalysisCommand,
  UpdateAnalysisPermissionsCommand,
  UpdateDashboardCommand,
} from "@aws-sdk/client-quicksight";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import {
  callerAccountId,
  customSql,
  describeSubscription,
  ensureAnalysis,
  ensureDashboard,
  ensureDataSet,
  ensureDataSource,
  type QuickSightScope,
} from "../../../../pipeline/aws/quicksight";
import type { LakebookError } from "../../../../pipeline/contract";

const qs = mockClient(QuickSightClient);
const sts = mockClient(STSClient);
const scope: QuickSightScope = {
  client: new QuickSightClient({ region: "eu-west-1" }),
  accountId: "123456789012",
  sleep: async () => undefined,
};
const notFound = () => new ResourceNotFoundException({ message: "not found", $metadata: {} });
const definition = { DataSetIdentifierDeclarations: [{ Identifier: "c", DataSetArn: "arn:ds" }] };
afterEach(() => {
  qs.reset();
  sts.reset();
});

describe("QuickSight adapters", () => {
  it("callerAccountId and describeSubscription", async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: "123456789012" });
    await expect(callerAccountId(new STSClient({}))).resolves.toBe("123456789012");
    qs.on(DescribeAccountSubscriptionCommand).resolves({
      AccountInfo: { Edition: "ENTERPRISE", AccountSubscriptionStatus: "ACCOUNT_CREATED" },
    });
    await expect(describeSubscription(scope.client, "123456789012")).resolves.toEqual({
      edition: "ENTERPRISE",
      status: "ACCOUNT_CREATED",
    });
    expect(qs.commandCalls(DescribeAccountSubscriptionCommand)[0]?.args[0].input).toEqual({
      AwsAccountId: "123456789012",
    });
  });

  it("a data source that fails to build shows QuickSight's ErrorInfo", async () => {
    qs.on(DescribeDataSourceCommand)
      .rejectsOnce(notFound())
      .resolves({
        DataSource: {
          Status: "CREATION_FAILED",
          ErrorInfo: { Type: "ACCESS_DENIED", Message: "cannot use workgroup" },
        },
      });
    qs.on(CreateDataSourceCommand).resolves({ Arn: "arn:src" });
    const error = (await ensureDataSource(scope, {
      dataSourceId: "s",
      name: "n",
      workgroup: "primary",
      principalArn: "arn:user",
    }).catch((e: unknown) => e)) as LakebookError;
    expect(error.message).toBe(
      "QuickSight could not build the data source s (CREATION_FAILED):\n- ACCESS_DENIED: cannot use workgroup",
    );
  });

  it("a SPICE dataset reports the ingestion QuickSight started", async () => {
    qs.on(DescribeDataSetCommand).rejects(notFound());
    qs.on(CreateDataSetCommand).resolves({ Arn: "arn:dataset/d", IngestionId: "ing-1" });
    const made = await ensureDataSet(scope, {
      dataSetId: "d",
      name: "d",
      table: customSql("arn:src", "c", "SELECT 1 AS one FROM refined.t", [{ Name: "one", Type: "INTEGER" }]),
      importMode: "SPICE",
      principalArn: "arn:user",
    });
    expect(made).toEqual({ arn: "arn:dataset/d", action: "created", ingestionId: "ing-1" });
  });

  it("a deleted analysis is restored before it is updated", async () => {
    qs.on(DescribeAnalysisCommand)
      .resolvesOnce({ Analysis: { Arn: "arn:a", Status: "DELETED" } })
      .resolves({ Analysis: { Arn: "arn:a", Status: "UPDATE_SUCCESSFUL" } });
    const made = await ensureAnalysis(scope, {
      analysisId: "a",
      name: "A",
      definition,
      principalArn: "arn:user",
    });
    expect(made).toEqual({ arn: "arn:a", action: "updated", status: "UPDATE_SUCCESSFUL" });
    expect(qs.commandCalls(RestoreAnalysisCommand)[0]?.args[0].input).toEqual({
      AwsAccountId: "123456789012",
      AnalysisId: "a",
    });
    expect(qs.commandCalls(UpdateAnalysisCommand)[0]?.args[0].input).toEqual({
      AwsAccountId: "123456789012",
      AnalysisId: "a",
      Name: "A",
      Definition: definition,
    });
    expect(qs.commandCalls(UpdateAnalysisPermissionsCommand)).toHaveLength(1);
  });

  it("an update answered without a version is an error, not a guess", async () => {
    qs.on(DescribeDashboardCommand).resolves({ Dashboard: { Arn: "arn:d", Version: { VersionNumber: 1 } } });
    qs.on(UpdateDashboardCommand).resolves({ Arn: "arn:d" });
    const error = (await ensureDashboard(scope, {
      dashboardId: "d",
      name: "D",
      definition,
      principalArn: "arn:user",
      versionDescription: "v",
      region: "eu-west-1",
    }).catch((e: unknown) => e)) as LakebookError;
    expect(error.code).toBe("QUICKSIGHT_FAILED");
    expect(error.retryable).toBe(true);
  });
});
