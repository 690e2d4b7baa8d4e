import { GetTableCommand } from "@aws-sdk/client-glue";
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeAnalysisCommand,
  DescribeDashboardCommand,
  DescribeDataSetCommand,
  DescribeDataSourceCommand,
  UpdateAnalysisCommand,
  UpdateAnalysisPermissionsCommand,
  UpdateDashboardCommand,
  UpdateDashboardPermissionsCommand,
  UpdateDashboardPublishedVersionCommand,
  UpdateDataSetCommand,
  UpdateDataSetPermissionsCommand,
  UpdateDataSourceCommand,
  UpdateDataSourcePermissionsCommand,
} from "@aws-sdk/client-quicksight";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OWNER_ACTIONS } from "../../../../pipeline/aws/quicksight";
import { LakebookError } from "../../../../pipeline/contract";
import { createPublishStage } from "../../../../pipeline/stages/publish";
import {
  ACCOUNT,
  ANALYSIS,
  arnOf,
  clients,
  context,
  DASHBOARD,
  DS_ARN,
  firstPublishMocks,
  mocks,
  notebook,
  passingPreflight,
  REGION,
  resetMocks,
  TOP_SUBGENRES_SQL,
  USER_ARN,
} from "./fixtures";

const PUBLISH = "dashboard: horror-subgenres\ncharts: [rating_by_subgenre, titles_by_kind, title_count]";
const sleeps: number[] = [];
const stage = createPublishStage({ clients, sleep: async (ms) => void sleeps.push(ms) });
const qs = mocks.quicksight;
const BASE = "lakebook-horror-subgenres";
const input = <T>(command: abstract new (...args: never[]) => T, index = 0) =>
  qs.commandCalls(command as never)[index]?.args[0].input as Record<string, unknown> | undefined;

beforeEach(() => {
  resetMocks();
  sleeps.length = 0;
  passingPreflight();
  qs.on(CreateDataSetCommand).callsFake((i: { DataSetId: string }) => ({
    Arn: arnOf("dataset", i.DataSetId),
  }));
  qs.on(UpdateDataSetCommand).callsFake((i: { DataSetId: string }) => ({
    Arn: arnOf("dataset", i.DataSetId),
  }));
});
afterEach(resetMocks);

describe("publish: the first publish", () => {
  it("creates the data source, one dataset per chart, the analysis and the dashboard, with owner permissions", async () => {
    firstPublishMocks();
    const outcome = await stage.run(notebook(PUBLISH).cells.at(-1) as never, context(notebook(PUBLISH)));

    expect(input(CreateDataSourceCommand)).toEqual({
      AwsAccountId: ACCOUNT,
      DataSourceId: `${BASE}-athena`,
      Name: "Lakebook Athena (primary)",
      Type: "ATHENA",
      DataSourceParameters: { AthenaParameters: { WorkGroup: "primary" } },
      Permissions: [{ Principal: USER_ARN, Actions: [...OWNER_ACTIONS.dataSource] }],
    });
    expect(input(CreateDataSetCommand, 0)).toEqual({
      AwsAccountId: ACCOUNT,
      DataSetId: `${BASE}-rating_by_subgenre`,
      Name: "horror-subgenres – rating_by_subgenre",
      PhysicalTableMap: {
        lakebook: {
          CustomSql: {
            DataSourceArn: DS_ARN,
            Name: "rating_by_subgenre",
            SqlQuery: TOP_SUBGENRES_SQL,
            Columns: [
              { Name: "subgenre", Type: "STRING" },
              { Name: "titles", Type: "INTEGER" },
              { Name: "avg_rating", Type: "DECIMAL" },
            ],
          },
        },
      },
      ImportMode: "DIRECT_QUERY",
      Permissions: [{ Principal: USER_ARN, Actions: [...OWNER_ACTIONS.dataSet] }],
    });
    expect(input(CreateDataSetCommand, 1)?.PhysicalTableMap).toEqual({
      lakebook: {
        RelationalTable: {
          DataSourceArn: DS_ARN,
          Catalog: "AwsDataCatalog",
          Schema: "refined",
          Name: "dim_title",
          InputColumns: [
            { Name: "title_key", Type: "INTEGER" },
            { Name: "title", Type: "STRING" },
            { Name: "kind", Type: "STRING" },
            { Name: "release_date", Type: "DATETIME" },
          ],
        },
      },
    });
    expect(qs.commandCalls(CreateDataSetCommand)).toHaveLength(3);

    const analysis = input(CreateAnalysisCommand);
    const dashboard = input(CreateDashboardCommand);
    expect(analysis?.Definition).toEqual(dashboard?.Definition);
    expect(analysis?.Permissions).toEqual([{ Principal: USER_ARN, Actions: [...OWNER_ACTIONS.analysis] }]);
    expect({ ...dashboard, Definition: undefined }).toEqual({
      AwsAccountId: ACCOUNT,
      DashboardId: DASHBOARD,
      Name: "horror-subgenres",
      VersionDescription: "Published from Lakebook: rating_by_subgenre, titles_by_kind, title_count",
      Permissions: [{ Principal: USER_ARN, Actions: [...OWNER_ACTIONS.dashboard] }],
      Definition: undefined,
    });
    const definition = dashboard?.Definition as {
      DataSetIdentifierDeclarations: unknown[];
      Sheets: { SheetId: string; Name: string; Visuals: object[]; Layouts: unknown[] }[];
    };
    expect(definition.DataSetIdentifierDeclarations).toEqual([
      { Identifier: "rating_by_subgenre", DataSetArn: arnOf("dataset", `${BASE}-rating_by_subgenre`) },
      { Identifier: "titles_by_kind", DataSetArn: arnOf("dataset", `${BASE}-titles_by_kind`) },
      { Identifier: "title_count", DataSetArn: arnOf("dataset", `${BASE}-title_count`) },
    ]);
    const sheet = definition.Sheets[0];
    expect(sheet?.Visuals.map((v) => Object.keys(v)[0])).toEqual([
      "BarChartVisual",
      "PieChartVisual",
      "KPIVisual",
    ]);
    expect(sheet?.Layouts).toEqual([
      {
        Configuration: {
          GridLayout: {
            Elements: [
              {
                ElementId: "rating_by_subgenre-visual",
                ElementType: "VISUAL",
                ColumnIndex: 0,
                ColumnSpan: 18,
                RowIndex: 0,
                RowSpan: 12,
              },
              {
                ElementId: "titles_by_kind-visual",
                ElementType: "VISUAL",
                ColumnIndex: 18,
                ColumnSpan: 18,
                RowIndex: 0,
                RowSpan: 12,
              },
              {
                ElementId: "title_count-visual",
                ElementType: "VISUAL",
                ColumnIndex: 0,
                ColumnSpan: 18,
                RowIndex: 12,
                RowSpan: 12,
              },
            ],
          },
        },
      },
    ]);

    // Polled to CREATION_SUCCESSFUL: the version the create made, with growing waits.
    expect(input(DescribeDashboardCommand, 1)).toEqual({
      AwsAccountId: ACCOUNT,
      DashboardId: DASHBOARD,
      VersionNumber: 1,
    });
    expect(qs.commandCalls(DescribeDashboardCommand)).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
    // A first version is published by CreateDashboard itself; nothing is updated.
    expect(qs.commandCalls(UpdateDashboardPublishedVersionCommand)).toHaveLength(0);
    expect(qs.commandCalls(UpdateDataSourceCommand)).toHaveLength(0);
    expect(mocks.glue.commandCalls(GetTableCommand).map((c) => c.args[0].input)).toEqual([
      { DatabaseName: "refined", Name: "bridge_title_subgenre" },
      { DatabaseName: "refined", Name: "dim_subgenre" },
      { DatabaseName: "refined", Name: "dim_title" },
      { DatabaseName: "refined", Name: "fact_title_rating" },
    ]);

    expect(outcome.summary).toBe(
      `Dashboard published: https://${REGION}.quicksight.aws.amazon.com/sn/dashboards/${DASHBOARD}`,
    );
    const text = outcome.output?.type === "publish" ? outcome.output.text : "";
    expect(text).toContain(
      `Dashboard: https://${REGION}.quicksight.aws.amazon.com/sn/dashboards/${DASHBOARD}`,
    );
    expect(text).toContain("✓ QuickSight user: student (AUTHOR)");
    expect(text).toContain(
      "? QuickSight access to S3 and Athena: Verify in QuickSight: Manage QuickSight → Security & permissions",
    );
    expect(text).toContain("The QuickSight steps this click replaces:");
    expect(text).toContain("Direct query: every view of the dashboard runs its SQL on Athena");
  });

  it("in SPICE mode sends ImportMode SPICE and states the Standard edition's refresh quota", async () => {
    firstPublishMocks();
    const nb = notebook("dashboard: horror-subgenres\ncharts: [rating_by_subgenre]\nimportMode: SPICE");
    const outcome = await stage.run(nb.cells.at(-1) as never, context(nb));
    expect(input(CreateDataSetCommand)?.ImportMode).toBe("SPICE");
    const text = outcome.output?.type === "publish" ? outcome.output.text : "";
    expect(text).toContain("at most 8 (Standard edition) times in 24 hours");
    expect(text).toContain(
      "The course asks for at least 3 chart types; this dashboard has 1 (BarChartVisual)",
    );
  });

  it("shows every error QuickSight lists when the dashboard ends CREATION_FAILED", async () => {
    firstPublishMocks("CREATION_FAILED", [
      { Type: "COLUMN_TYPE_MISMATCH", Message: "avg_rating is STRING in the dataset" },
      { Type: "DATA_SET_NOT_FOUND", Message: "dataset gone" },
    ]);
    const error = await stage
      .run(notebook(PUBLISH).cells.at(-1) as never, context(notebook(PUBLISH)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakebookError);
    expect((error as LakebookError).code).toBe("QUICKSIGHT_CREATION_FAILED");
    expect((error as LakebookError).message).toBe(
      `QuickSight could not build the dashboard ${DASHBOARD} (version 1) (CREATION_FAILED):\n` +
        "- COLUMN_TYPE_MISMATCH: avg_rating is STRING in the dataset\n- DATA_SET_NOT_FOUND: dataset gone",
    );
  });
});

describe("publish: republishing", () => {
  it("finds everything by its stable id and updates it; the dashboard gets a new version, built then published", async () => {
    qs.on(DescribeDataSourceCommand).resolves({
      DataSource: {
        Arn: DS_ARN,
        Name: "Lakebook Athena (primary)",
        Type: "ATHENA",
        Status: "CREATION_SUCCESSFUL",
        DataSourceParameters: { AthenaParameters: { WorkGroup: "primary" } },
      },
    });
    qs.on(DescribeDataSetCommand).resolves({ DataSet: { Arn: "x" } });
    qs.on(DescribeAnalysisCommand).resolves({
      Analysis: { Arn: arnOf("analysis", ANALYSIS), Status: "UPDATE_SUCCESSFUL" },
    });
    qs.on(UpdateAnalysisCommand).resolves({
      Arn: arnOf("analysis", ANALYSIS),
      UpdateStatus: "UPDATE_IN_PROGRESS",
    });
    qs.on(DescribeDashboardCommand).resolves({
      Dashboard: {
        Arn: arnOf("dashboard", DASHBOARD),
        Version: { VersionNumber: 3, Status: "CREATION_SUCCESSFUL" },
      },
    });
    qs.on(DescribeDashboardCommand, { VersionNumber: 4 })
      .resolvesOnce({ Dashboard: { Version: { VersionNumber: 4, Status: "CREATION_IN_PROGRESS" } } })
      .resolves({ Dashboard: { Version: { VersionNumber: 4, Status: "CREATION_SUCCESSFUL" } } });
    qs.on(UpdateDashboardCommand).resolves({
      Arn: arnOf("dashboard", DASHBOARD),
      VersionArn: `${arnOf("dashboard", DASHBOARD)}/version/4`,
    });

    const nb = notebook(PUBLISH);
    const outcome = await stage.run(nb.cells.at(-1) as never, context(nb));

    expect(qs.commandCalls(CreateDataSourceCommand)).toHaveLength(0);
    expect(qs.commandCalls(UpdateDataSourceCommand)).toHaveLength(0);
    expect(input(UpdateDataSourcePermissionsCommand)).toEqual({
      AwsAccountId: ACCOUNT,
      DataSourceId: `${BASE}-athena`,
      GrantPermissions: [{ Principal: USER_ARN, Actions: [...OWNER_ACTIONS.dataSource] }],
    });
    expect(qs.commandCalls(CreateDataSetCommand)).toHaveLength(0);
    expect(input(UpdateDataSetCommand)).toEqual({
      AwsAccountId: ACCOUNT,
      DataSetId: `${BASE}-rating_by_subgenre`,
      Name: "horror-subgenres – rating_by_subgenre",
      PhysicalTableMap: (input(UpdateDataSetCommand)?.PhysicalTableMap ?? {}) as object,
      ImportMode: "DIRECT_QUERY",
    });
    expect(qs.commandCalls(UpdateDataSetPermissionsCommand)).toHaveLength(3);
    expect(qs.commandCalls(CreateAnalysisCommand)).toHaveLength(0);
    expect(Object.keys(input(UpdateAnalysisCommand) ?? {})).toEqual([
      "AwsAccountId",
      "AnalysisId",
      "Name",
      "Definition",
    ]);
    expect(qs.commandCalls(UpdateAnalysisPermissionsCommand)).toHaveLength(1);
    expect(qs.commandCalls(CreateDashboardCommand)).toHaveLength(0);
    expect(Object.keys(input(UpdateDashboardCommand) ?? {})).toEqual([
      "AwsAccountId",
      "DashboardId",
      "Name",
      "Definition",
      "VersionDescription",
    ]);
    expect(input(UpdateDashboardPublishedVersionCommand)).toEqual({
      AwsAccountId: ACCOUNT,
      DashboardId: DASHBOARD,
      VersionNumber: 4,
    });
    expect(input(UpdateDashboardPermissionsCommand)).toEqual({
      AwsAccountId: ACCOUNT,
      DashboardId: DASHBOARD,
      GrantPermissions: [{ Principal: USER_ARN, Actions: [...OWNER_ACTIONS.dashboard] }],
    });
    expect(outcome.summary).toBe(
      `Dashboard republished as version 4: https://${REGION}.quicksight.aws.amazon.com/sn/dashboards/${DASHBOARD}`,
    );
  });

  it("does not publish a new version that failed to build", async () => {
    qs.on(DescribeDataSourceCommand).resolves({
      DataSource: {
        Arn: DS_ARN,
        Name: "old",
        Type: "ATHENA",
        Status: "UPDATE_SUCCESSFUL",
        DataSourceParameters: { AthenaParameters: { WorkGroup: "other" } },
      },
    });
    qs.on(UpdateDataSourceCommand).resolves({ Arn: DS_ARN, UpdateStatus: "UPDATE_IN_PROGRESS" });
    qs.on(DescribeDataSetCommand).resolves({ DataSet: {} });
    qs.on(DescribeAnalysisCommand).resolves({ Analysis: { Arn: "a", Status: "UPDATE_SUCCESSFUL" } });
    qs.on(DescribeDashboardCommand).resolves({
      Dashboard: {
        Version: {
          VersionNumber: 2,
          Status: "CREATION_FAILED",
          Errors: [{ Type: "INTERNAL_FAILURE", Message: "boom" }],
        },
      },
    });
    qs.on(UpdateDashboardCommand).resolves({ VersionArn: `${arnOf("dashboard", DASHBOARD)}/version/2` });
    const nb = notebook(PUBLISH);
    const error = await stage.run(nb.cells.at(-1) as never, context(nb)).catch((e: unknown) => e);
    expect((error as LakebookError).message).toContain("- INTERNAL_FAILURE: boom");
    // A data source on another workgroup is moved to the target's.
    expect(input(UpdateDataSourceCommand)).toEqual({
      AwsAccountId: ACCOUNT,
      DataSourceId: `${BASE}-athena`,
      Name: "Lakebook Athena (primary)",
      DataSourceParameters: { AthenaParameters: { WorkGroup: "primary" } },
    });
    expect(qs.commandCalls(UpdateDashboardPublishedVersionCommand)).toHaveLength(0);
  });
});
