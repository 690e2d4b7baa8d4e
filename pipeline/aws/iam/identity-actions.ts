import {
  athenaWorkgroup,
  glueJob,
  glueTableChain,
  lakeObjects,
  lambdaFunction,
  logGroup,
  parseS3Uri,
  quicksight,
  roleArn,
  s3Bucket,
  secret,
} from "./arns";
import type { IamScope, PermissionNeed } from "./scope";

/*
 * What the caller's identity (the notebook's profile) does to AWS, per stage: the exact IAM actions
 * of the calls in ../s3, ../glue, ../athena, ../lambda, ../secrets, ../quicksight and the lake's S3
 * store, on the resources the notebook names. One list is both what the doctor simulates and what
 * the generated policy grants, so the two cannot drift. Action names: the Service Authorization
 * Reference (docs.aws.amazon.com/service-authorization/latest/reference/); a call that needs no
 * permission (sts:GetCallerIdentity) is not listed.
 */

/** The stages that talk to AWS, named as the doctor shows them. */
export type AwsStageName =
  | "ingest"
  | "tmdb"
  | "tmdb-lambda"
  | "transform-glue"
  | "athena"
  | "publish"
  | "workbench";

export const STAGE_LABELS: Record<AwsStageName, string> = {
  ingest: "ingest (S3 upload, Glue Data Catalog)",
  tmdb: "TMDB enrichment fetched here (select on Athena)",
  "tmdb-lambda": "TMDB enrichment on AWS Lambda",
  "transform-glue": "transform on AWS Glue",
  athena: "SQL and check cells on Athena",
  publish: "publish to QuickSight",
  workbench: "the workbench itself: the catalog panel, course checks and stage resets",
};

export type StagePlan =
  | { stage: "ingest"; datasets: readonly string[] }
  | { stage: "workbench" }
  | { stage: "tmdb"; reads: readonly string[] }
  | {
      stage: "tmdb-lambda";
      reads: readonly string[];
      functionName: string;
      roleArn: string;
      secretName: string;
    }
  | {
      stage: "transform-glue";
      reads: readonly string[];
      writes: readonly string[];
      jobName: string;
      glueRole: string;
    }
  | { stage: "athena"; reads: readonly string[]; writes: readonly string[] }
  | {
      stage: "publish";
      reads: readonly string[];
      identityRegion: string;
      owner: { kind: "user" | "group"; name: string; arn?: string };
      ids: { dataSourceId: string; dataSetIds: readonly string[]; analysisId: string; dashboardId: string };
    };

/** A table's zone folder in the lake: raw.* under Raw/, trusted.* under Trusted/, refined.* under Refined/. */
function zoneFolder(qualified: string): string {
  const database = qualified.split(".")[0] ?? "";
  const zone = database.charAt(0).toUpperCase() + database.slice(1);
  return `${zone}/`;
}

/** List the lake's bucket only below the lake's prefix (ListObjectsV2 sends it as s3:prefix). */
function listLake(scope: IamScope, why: string, folder: string): PermissionNeed {
  return {
    why,
    actions: ["s3:ListBucket"],
    resources: [s3Bucket(scope, scope.bucket)],
    condition: { key: "s3:prefix", value: `${scope.prefix}${folder}`, allow: `${scope.prefix}*` },
  };
}

/**
 * A query on Athena runs with the caller's own permissions on the Glue Data Catalog and on S3
 * (docs.aws.amazon.com/athena/latest/ug/access.html): the workgroup, the tables it reads, their
 * files, and the result location.
 */
function athenaQuery(scope: IamScope, reads: readonly string[], writes: readonly string[]): PermissionNeed[] {
  const tables = [...reads, ...writes];
  const folders = [...new Set(tables.map(zoneFolder))];
  const needs: PermissionNeed[] = [
    {
      why: "run the query in the workgroup, follow it and read its result",
      actions: [
        "athena:StartQueryExecution",
        "athena:GetQueryExecution",
        "athena:GetQueryResults",
        "athena:StopQueryExecution",
      ],
      resources: [athenaWorkgroup(scope)],
    },
    {
      why: "let Athena read the tables' definitions",
      actions: ["glue:GetDatabase", "glue:GetTable", "glue:GetPartitions"],
      resources: glueTableChain(scope, tables.length > 0 ? tables : ["raw"]),
    },
    {
      why: "let Athena find the lake's bucket",
      actions: ["s3:GetBucketLocation"],
      resources: [s3Bucket(scope, scope.bucket)],
    },
    listLake(scope, "let Athena list the tables' files", folders[0] ?? "Raw/"),
  ];
  if (folders.length > 0) {
    needs.push({
      why: "let Athena read the tables' files",
      actions: ["s3:GetObject"],
      resources: folders.map((folder) => lakeObjects(scope, folder)),
    });
  }
  if (writes.length > 0) {
    needs.push(
      {
        why: "let CREATE TABLE AS write the new table's files",
        actions: ["s3:PutObject"],
        resources: [...new Set(writes.map(zoneFolder))].map((folder) => lakeObjects(scope, folder)),
      },
      {
        why: "let CREATE TABLE AS register the new table",
        actions: ["glue:CreateTable"],
        resources: glueTableChain(scope, writes),
      },
    );
  }
  const output = scope.athenaOutput ? parseS3Uri(scope.athenaOutput) : undefined;
  if (output) {
    needs.push(
      {
        why: "let Athena write the results to athenaOutput",
        actions: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
        resources: [`${s3Bucket(scope, output.bucket)}/${output.key}*`],
      },
      {
        why: "let Athena find the athenaOutput bucket",
        actions: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
        resources: [s3Bucket(scope, output.bucket)],
      },
    );
  }
  return needs;
}

const ingest = (scope: IamScope, datasets: readonly string[]): PermissionNeed[] => {
  const raw = datasets.map((dataset) => `raw.${dataset}`);
  return [
    {
      // CreateMultipartUpload, UploadPart and CompleteMultipartUpload are authorized as s3:PutObject;
      // HeadObject as s3:GetObject; ListParts as s3:ListMultipartUploadParts.
      why: "upload the CSV files into RAW (multipart, resumable) and check what landed",
      actions: [
        "s3:PutObject",
        "s3:GetObject",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
        "s3:DeleteObject",
      ],
      resources: [lakeObjects(scope, "Raw/Local/CSV/")],
    },
    {
      why: "find and abort stale uploads of the same key",
      actions: ["s3:ListBucketMultipartUploads"],
      resources: [s3Bucket(scope, scope.bucket)],
    },
    {
      why: "register raw.movies / raw.series in the Glue Data Catalog",
      actions: ["glue:GetTable", "glue:CreateTable", "glue:UpdateTable", "glue:CreateDatabase"],
      resources: glueTableChain(scope, raw.length > 0 ? raw : ["raw.movies", "raw.series"]),
    },
  ];
};

/** The TMDB files, the checkpoints and the Lambda runs' files, all written and read back by the caller. */
const tmdbFiles = (scope: IamScope): PermissionNeed[] => [
  {
    why: "write the TMDB JSON files and read them back (checkpoint, samples)",
    actions: ["s3:PutObject", "s3:GetObject"],
    resources: [lakeObjects(scope, "Raw/TMDB/JSON/"), lakeObjects(scope, "_lakebook/tmdb/")],
  },
  listLake(scope, "list the day's TMDB files to resume a run", "Raw/TMDB/JSON/"),
];

const tmdbLambda = (
  scope: IamScope,
  plan: Extract<StagePlan, { stage: "tmdb-lambda" }>,
): PermissionNeed[] => [
  ...athenaQuery(scope, plan.reads, []),
  {
    why: "keep the TMDB credential in Secrets Manager for the function",
    actions: [
      "secretsmanager:CreateSecret",
      "secretsmanager:GetSecretValue",
      "secretsmanager:PutSecretValue",
    ],
    resources: [secret(scope, plan.secretName)],
  },
  {
    why: "create or update the function, turn off its asynchronous retries, wait until it is ready and invoke it",
    actions: [
      "lambda:GetFunction",
      "lambda:CreateFunction",
      "lambda:UpdateFunctionCode",
      "lambda:UpdateFunctionConfiguration",
      "lambda:GetFunctionConfiguration",
      "lambda:InvokeFunction",
      "lambda:PutFunctionEventInvokeConfig",
    ],
    resources: [lambdaFunction(scope, plan.functionName)],
  },
  {
    why: "hand the function its execution role",
    actions: ["iam:PassRole"],
    resources: [roleArn(scope, plan.roleArn)],
    condition: { key: "iam:PassedToService", value: "lambda.amazonaws.com", allow: "lambda.amazonaws.com" },
  },
  {
    why: "put the titles in the lake for the function and read its status and files",
    actions: ["s3:PutObject", "s3:GetObject"],
    resources: [lakeObjects(scope, "_lakebook/tmdb/"), lakeObjects(scope, "Raw/TMDB/JSON/")],
  },
];

const transformGlue = (
  scope: IamScope,
  plan: Extract<StagePlan, { stage: "transform-glue" }>,
): PermissionNeed[] => [
  {
    why: "read the input tables' locations and the output table after the run",
    actions: ["glue:GetTable"],
    resources: glueTableChain(scope, [...plan.reads, ...plan.writes]),
  },
  {
    why: "upload the runner script and the cell's spec",
    actions: ["s3:PutObject", "s3:GetObject"],
    resources: [lakeObjects(scope, "_lakebook/glue/")],
  },
  {
    why: "create or update the project's Glue job, start a run, follow it and stop it on cancel",
    actions: [
      "glue:GetJob",
      "glue:CreateJob",
      "glue:UpdateJob",
      "glue:StartJobRun",
      "glue:GetJobRun",
      "glue:BatchStopJobRun",
    ],
    resources: [glueJob(scope, plan.jobName)],
  },
  {
    why: "hand the Glue job its role",
    actions: ["iam:PassRole"],
    resources: [roleArn(scope, plan.glueRole)],
    condition: { key: "iam:PassedToService", value: "glue.amazonaws.com", allow: "glue.amazonaws.com" },
  },
  {
    why: "show the run's driver log in the cell",
    actions: ["logs:FilterLogEvents"],
    resources: [logGroup(scope, "/aws-glue/jobs/output"), logGroup(scope, "/aws-glue/jobs/error")],
  },
];

const publish = (scope: IamScope, plan: Extract<StagePlan, { stage: "publish" }>): PermissionNeed[] => {
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

/**
 * What the workbench does beside the cells, on an aws target: the catalog panel and course mode list
 * the lake's tables, and a course stage reset removes the tables that stage made.
 */
const workbench = (scope: IamScope): PermissionNeed[] => {
  const lake = glueTableChain(scope, ["raw.*", "trusted.*", "refined.*"]);
  return [
    {
      why: "list the lake's tables (the catalog panel, course checks)",
      actions: ["glue:GetTables"],
      resources: lake,
    },
    {
      why: "remove a stage's tables when course mode resets it",
      actions: ["glue:DeleteTable"],
      resources: lake,
    },
  ];
};

/** The caller's needs for one stage: the one list the doctor checks and the user's policy grants. */
export function identityActions(scope: IamScope, plan: StagePlan): PermissionNeed[] {
  switch (plan.stage) {
    case "ingest":
      return ingest(scope, plan.datasets);
    case "tmdb":
      return [...athenaQuery(scope, plan.reads, []), ...tmdbFiles(scope)];
    case "tmdb-lambda":
      return tmdbLambda(scope, plan);
    case "transform-glue":
      return transformGlue(scope, plan);
    case "athena":
      return athenaQuery(scope, plan.reads, plan.writes);
    case "publish":
      return publish(scope, plan);
    case "workbench":
      return workbench(scope);
    default: {
      const never: never = plan;
      throw new Error(`No action list for ${JSON.stringify(never)}`);
    }
  }
}
