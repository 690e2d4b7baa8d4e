import { glueTableChain, lakeObjects, logGroup, logStreams, s3Bucket } from "./arns";
import type { IamScope, PermissionNeed } from "./scope";

/**
 * What the Glue job does as its role (the target's `glueRole`) when it runs
 * `spark-scripts/lakebook_transform.py`: read the spec, the script and the inputs, replace the output
 * table's files, and create or update its table and partitions; Glue writes the job's logs.
 * The Glue job role's own list (`glue-job-role*.ts`) supersedes this one where both exist.
 */
export function transformJobActions(
  scope: IamScope,
  plan: { reads: readonly string[]; writes: readonly string[]; inputFolders: readonly string[] },
): PermissionNeed[] {
  const outputFolders = [...new Set(plan.writes.map((name) => `${zone(name)}/`))];
  return [
    {
      why: "read the runner script, the cell's spec and the input files",
      actions: ["s3:GetObject"],
      resources: [
        lakeObjects(scope, "_lakebook/glue/"),
        ...[...new Set([...plan.inputFolders, ...plan.reads.map((name) => `${zone(name)}/`)])].map((folder) =>
          lakeObjects(scope, folder),
        ),
      ],
    },
    {
      why: "list the inputs and the output folder",
      actions: ["s3:ListBucket"],
      resources: [s3Bucket(scope, scope.bucket)],
      condition: {
        key: "s3:prefix",
        value: `${scope.prefix}${outputFolders[0] ?? ""}`,
        allow: `${scope.prefix}*`,
      },
    },
    ...(outputFolders.length > 0
      ? [
          {
            why: "write the output table's new files and remove replaced ones",
            actions: ["s3:PutObject", "s3:DeleteObject"],
            resources: outputFolders.map((folder) => lakeObjects(scope, folder)),
          },
        ]
      : []),
    {
      why: "create or update the output table and its partitions",
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
      resources: glueTableChain(scope, [...plan.reads, ...plan.writes]),
    },
    {
      why: "write the job's logs",
      actions: ["logs:CreateLogGroup"],
      resources: [logGroup(scope, "/aws-glue/jobs/output"), logGroup(scope, "/aws-glue/jobs/error")],
    },
    {
      why: "write the job's logs",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: [logStreams(scope, "/aws-glue/jobs/output"), logStreams(scope, "/aws-glue/jobs/error")],
    },
  ];
}

const zone = (qualified: string) => {
  const database = qualified.split(".")[0] ?? "";
  return database.charAt(0).toUpperCase() + database.slice(1);
};

/** Who may assume the job's role. */
export const GLUE_TRUST_SERVICE = "glue.amazonaws.com";
