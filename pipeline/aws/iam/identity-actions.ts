import {
  glueJob,
  glueTableChain,
  lakeObjects,
  lambdaFunction,
  logGroup,
  roleArn,
  s3Bucket,
  secret,
} from "./arns";
import { athenaQuery, listLake } from "./athena-actions";
import { publishActions } from "./publish-actions";
import type { IamScope, PermissionNeed } from "./scope";
import type { StagePlan } from "./stage-plan";

/*
 * What the caller's identity (the notebook's profile) does to AWS, per stage: the exact IAM actions
 * of the calls in ../s3, ../glue, ../athena, ../lambda, ../secrets, ../quicksight and the lake's S3
 * store, on the resources the notebook names. One list is both what the doctor simulates and what
 * the generated policy grants, so the two cannot drift. Action names: the Service Authorization
 * Reference (docs.aws.amazon.com/service-authorization/latest/reference/); a call that needs no
 * permission (sts:GetCallerIdentity) is not listed.
 */

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
      return publishActions(scope, plan);
    case "workbench":
      return workbench(scope);
    default: {
      const never: never = plan;
      throw new Error(`No action list for ${JSON.stringify(never)}`);
    }
  }
}
