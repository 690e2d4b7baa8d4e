import type { ActionList } from "./action-list";

/**
 * The one list of what the Glue job's role does, for `spark-scripts/lakebook_transform.py`: read the
 * spec and script under `_lakebook/glue/`, read the inputs, write the output in TRUSTED or REFINED
 * (and delete the previous version's files), create or update the output's database, table and
 * partitions in the Glue Data Catalog (`_put_table`, `_register_partitions`), and write the job's
 * logs. Over whole zones here: the transform cell's inline policy (`../glue/glue-role-policy.ts`,
 * attached beside AWSGlueServiceRole, which only lets the job write its logs and read buckets named
 * `aws-glue-*`). The doctor narrows the same entries to one notebook's tables and folders
 * (`transform-job-actions.ts`), so the two cannot list different actions.
 */
export const GLUE_JOB_ROLE: readonly ActionList[] = [
  {
    stage: "transform",
    purpose: "ReadRunnerScriptAndSpec",
    why: "read the runner script and the cell's spec",
    actions: ["s3:GetObject"],
    resources: ["arn:{partition}:s3:::{bucket}/{lake}_lakebook/glue/*"],
  },
  {
    stage: "transform",
    purpose: "ListTheLake",
    why: "list the inputs and the output folder",
    actions: ["s3:ListBucket"],
    resources: ["arn:{partition}:s3:::{bucket}"],
  },
  {
    stage: "transform",
    purpose: "ReadInputs",
    why: "read the input tables' files",
    actions: ["s3:GetObject"],
    resources: [
      "arn:{partition}:s3:::{bucket}/{lake}Raw/*",
      "arn:{partition}:s3:::{bucket}/{lake}Trusted/*",
      "arn:{partition}:s3:::{bucket}/{lake}Refined/*",
    ],
  },
  {
    // A transform writes trusted.* or refined.* only (stages/transform/settings.ts): RAW stays append-only.
    stage: "transform",
    purpose: "WriteOutputs",
    why: "write the output table's new files and remove replaced ones",
    actions: ["s3:PutObject", "s3:DeleteObject"],
    resources: [
      "arn:{partition}:s3:::{bucket}/{lake}Trusted/*",
      "arn:{partition}:s3:::{bucket}/{lake}Refined/*",
    ],
  },
  {
    // The SQL may name catalog tables (Spark with the Glue Data Catalog as its metastore).
    stage: "transform",
    purpose: "ReadCatalogTables",
    why: "read the input and output tables' definitions in the Glue Data Catalog",
    actions: ["glue:GetDatabase", "glue:GetTable", "glue:GetPartitions"],
    resources: [
      "arn:{partition}:glue:{region}:{account}:catalog",
      "arn:{partition}:glue:{region}:{account}:database/raw",
      "arn:{partition}:glue:{region}:{account}:database/trusted",
      "arn:{partition}:glue:{region}:{account}:database/refined",
      "arn:{partition}:glue:{region}:{account}:table/raw/*",
      "arn:{partition}:glue:{region}:{account}:table/trusted/*",
      "arn:{partition}:glue:{region}:{account}:table/refined/*",
    ],
  },
  {
    stage: "transform",
    purpose: "RegisterOutputTables",
    why: "create or update the output table and its partitions",
    actions: [
      "glue:CreateDatabase",
      "glue:CreateTable",
      "glue:UpdateTable",
      "glue:DeleteTable",
      "glue:BatchCreatePartition",
      "glue:BatchUpdatePartition",
      "glue:BatchDeletePartition",
    ],
    resources: [
      "arn:{partition}:glue:{region}:{account}:catalog",
      "arn:{partition}:glue:{region}:{account}:database/trusted",
      "arn:{partition}:glue:{region}:{account}:database/refined",
      "arn:{partition}:glue:{region}:{account}:table/trusted/*",
      "arn:{partition}:glue:{region}:{account}:table/refined/*",
    ],
  },
  {
    // AWSGlueServiceRole grants these too; listed so the doctor checks them and the policy alone suffices.
    stage: "transform",
    purpose: "CreateJobLogGroups",
    why: "create the job's log groups",
    actions: ["logs:CreateLogGroup"],
    resources: [
      "arn:{partition}:logs:{region}:{account}:log-group:/aws-glue/jobs/output",
      "arn:{partition}:logs:{region}:{account}:log-group:/aws-glue/jobs/error",
    ],
  },
  {
    stage: "transform",
    purpose: "WriteJobLogs",
    why: "write the job's logs",
    actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
    resources: [
      "arn:{partition}:logs:{region}:{account}:log-group:/aws-glue/jobs/output:log-stream:*",
      "arn:{partition}:logs:{region}:{account}:log-group:/aws-glue/jobs/error:log-stream:*",
    ],
  },
];
