import type { ActionList } from "./action-list";

/**
 * What the Glue job's role needs beyond the managed AWSGlueServiceRole policy (which only lets it
 * write its own logs and read buckets named `aws-glue-*`), for `spark-scripts/lakebook_transform.py`:
 * read the spec and script under `_lakebook/glue/`, read the inputs and write the output in the lake
 * (and delete the previous version's files), and create or update the output's database, table and
 * partitions in the Glue Data Catalog (`_put_table`, `_register_partitions`).
 */
export const GLUE_JOB_ROLE: readonly ActionList[] = [
  {
    stage: "transform",
    purpose: "ReadRunnerScriptAndSpec",
    actions: ["s3:GetObject"],
    resources: ["arn:aws:s3:::{bucket}/{lake}_lakebook/glue/*"],
  },
  {
    stage: "transform",
    purpose: "ListTheLake",
    actions: ["s3:ListBucket"],
    resources: ["arn:aws:s3:::{bucket}"],
  },
  {
    stage: "transform",
    purpose: "ReadInputsWriteOutputs",
    actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
    resources: [
      "arn:aws:s3:::{bucket}/{lake}Raw/*",
      "arn:aws:s3:::{bucket}/{lake}Trusted/*",
      "arn:aws:s3:::{bucket}/{lake}Refined/*",
    ],
  },
  {
    stage: "transform",
    purpose: "RegisterOutputTables",
    actions: [
      "glue:GetDatabase",
      "glue:CreateDatabase",
      "glue:GetTable",
      "glue:CreateTable",
      "glue:UpdateTable",
      "glue:DeleteTable",
      "glue:GetPartitions",
      "glue:BatchCreatePartition",
      "glue:BatchUpdatePartition",
      "glue:BatchDeletePartition",
    ],
    resources: [
      "arn:aws:glue:{region}:{account}:catalog",
      "arn:aws:glue:{region}:{account}:database/trusted",
      "arn:aws:glue:{region}:{account}:database/refined",
      "arn:aws:glue:{region}:{account}:table/trusted/*",
      "arn:aws:glue:{region}:{account}:table/refined/*",
    ],
  },
];
