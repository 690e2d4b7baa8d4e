import { athenaWorkgroup, glueTableChain, lakeObjects, parseS3Uri, s3Bucket } from "./arns";
import type { IamScope, PermissionNeed } from "./scope";

/** A table's zone folder in the lake: raw.* under Raw/, trusted.* under Trusted/, refined.* under Refined/. */
function zoneFolder(qualified: string): string {
  const database = qualified.split(".")[0] ?? "";
  const zone = database.charAt(0).toUpperCase() + database.slice(1);
  return `${zone}/`;
}

/** List the lake's bucket only below the lake's prefix (ListObjectsV2 sends it as s3:prefix). */
export function listLake(scope: IamScope, why: string, folder: string): PermissionNeed {
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
export function athenaQuery(
  scope: IamScope,
  reads: readonly string[],
  writes: readonly string[],
): PermissionNeed[] {
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
