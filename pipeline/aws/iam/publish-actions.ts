import { athenaWorkgroup, glueTableChain, quicksight } from "./arns";
import { athenaQuery } from "./athena-actions";
import type { IamScope, PermissionNeed } from "./scope";
import type { StagePlan } from "./stage-plan";

/** Publishing to QuickSight: the account, the owner, the Athena data source, a dataset per chart, the analysis and the dashboard. */
export const publishActions = (
  scope: IamScope,
  plan: Extract<StagePlan, { stage: "publish" }>,
): PermissionNeed[] => {
  const { ids } = plan;
  const dataSource = quicksight(scope, "datasource", ids.dataSourceId);
  const dataSets = ids.dataSetIds.map((id) => quicksight(scope, "dataset", id));
  const owner =
    plan.owner.kind === "user"
      ? {
          action: "quicksight:DescribeUser",
          arn: quicksight(scope, "user", `default/${plan.owner.name}`, plan.identityRegion),
        }
      : {
          action: "quicksight:DescribeGroup",
          arn:
            plan.owner.arn ?? quicksight(scope, "group", `default/${plan.owner.name}`, plan.identityRegion),
        };
  return [
    {
      // DescribeAccountSubscription has no resource-level permission: only "*" names it.
      why: "check that the account has signed up for QuickSight",
      actions: ["quicksight:DescribeAccountSubscription"],
      resources: ["*"],
    },
    { why: "check the dashboard's owner", actions: [owner.action], resources: [owner.arn] },
    {
      why: "check the workgroup QuickSight queries",
      actions: ["athena:GetWorkGroup"],
      resources: [athenaWorkgroup(scope)],
    },
    // A chart on a SQL cell gets its dataset's column types from Athena (the SQL run with LIMIT 0).
    ...athenaQuery(scope, plan.reads, []),
    {
      why: "read the REFINED tables the charts show",
      actions: ["glue:GetTable"],
      resources: glueTableChain(scope, plan.reads),
    },
    {
      // One left in CREATION_FAILED is deleted and created again.
      why: "create or update the Athena data source",
      actions: [
        "quicksight:DescribeDataSource",
        "quicksight:CreateDataSource",
        "quicksight:UpdateDataSource",
        "quicksight:DeleteDataSource",
        "quicksight:UpdateDataSourcePermissions",
        "quicksight:PassDataSource",
      ],
      resources: [dataSource],
    },
    ...(dataSets.length > 0
      ? [
          {
            why: "create or update one dataset per chart",
            actions: [
              "quicksight:DescribeDataSet",
              "quicksight:CreateDataSet",
              "quicksight:UpdateDataSet",
              "quicksight:UpdateDataSetPermissions",
              "quicksight:PassDataSet",
            ],
            resources: dataSets,
          },
          {
            // A SPICE dataset's import: started when the answer carries no ingestion, then followed.
            why: "refresh a SPICE dataset and follow its import",
            actions: ["quicksight:CreateIngestion", "quicksight:DescribeIngestion"],
            resources: ids.dataSetIds.map((id) => quicksight(scope, "dataset", `${id}/ingestion/*`)),
          },
        ]
      : []),
    {
      why: "create or update the analysis",
      actions: [
        "quicksight:DescribeAnalysis",
        "quicksight:CreateAnalysis",
        "quicksight:UpdateAnalysis",
        "quicksight:RestoreAnalysis",
        "quicksight:UpdateAnalysisPermissions",
      ],
      resources: [quicksight(scope, "analysis", ids.analysisId)],
    },
    {
      why: "create or update the dashboard and publish its new version",
      actions: [
        "quicksight:DescribeDashboard",
        "quicksight:CreateDashboard",
        "quicksight:UpdateDashboard",
        "quicksight:UpdateDashboardPermissions",
        "quicksight:UpdateDashboardPublishedVersion",
      ],
      resources: [quicksight(scope, "dashboard", ids.dashboardId)],
    },
  ];
};
