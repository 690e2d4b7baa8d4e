import type { ResourcePermission } from "@aws-sdk/client-quicksight";

/**
 * The owner action lists QuickSight's own console grants on each resource type (as listed in the
 * QuickSight developer guide's permission examples). Resources made through the API have no owner
 * unless these are granted, so without them the dashboard exists but nobody sees it in the console.
 */
export const OWNER_ACTIONS = {
  dataSource: [
    "quicksight:DescribeDataSource",
    "quicksight:DescribeDataSourcePermissions",
    "quicksight:PassDataSource",
    "quicksight:UpdateDataSource",
    "quicksight:DeleteDataSource",
    "quicksight:UpdateDataSourcePermissions",
  ],
  dataSet: [
    "quicksight:DescribeDataSet",
    "quicksight:DescribeDataSetPermissions",
    "quicksight:PassDataSet",
    "quicksight:DescribeIngestion",
    "quicksight:ListIngestions",
    "quicksight:UpdateDataSet",
    "quicksight:DeleteDataSet",
    "quicksight:CreateIngestion",
    "quicksight:CancelIngestion",
    "quicksight:UpdateDataSetPermissions",
  ],
  analysis: [
    "quicksight:RestoreAnalysis",
    "quicksight:UpdateAnalysisPermissions",
    "quicksight:DeleteAnalysis",
    "quicksight:DescribeAnalysisPermissions",
    "quicksight:QueryAnalysis",
    "quicksight:DescribeAnalysis",
    "quicksight:UpdateAnalysis",
  ],
  dashboard: [
    "quicksight:DescribeDashboard",
    "quicksight:ListDashboardVersions",
    "quicksight:UpdateDashboardPermissions",
    "quicksight:QueryDashboard",
    "quicksight:UpdateDashboard",
    "quicksight:DeleteDashboard",
    "quicksight:DescribeDashboardPermissions",
    "quicksight:UpdateDashboardPublishedVersion",
  ],
} as const satisfies Record<string, readonly string[]>;

export type QuickSightResourceKind = keyof typeof OWNER_ACTIONS;

/** Owner permissions on one resource for a QuickSight user or group ARN. */
export function ownerPermissions(kind: QuickSightResourceKind, principalArn: string): ResourcePermission[] {
  return [{ Principal: principalArn, Actions: [...OWNER_ACTIONS[kind]] }];
}
