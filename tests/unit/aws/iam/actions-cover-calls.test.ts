import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  GLUE_JOB_ROLE,
  type IamScope,
  identityActions,
  lambdaRoleActions,
  type StagePlan,
  transformJobActions,
} from "../../../../pipeline/aws/iam";
import { iamActionOfPackage } from "../../../helpers/iam-action-of";

/**
 * The doctor lists every action Lakebook calls: each SDK command the pipeline sends (`new
 * XxxCommand(`, `paginateXxx(`, lib-storage's Upload) is mapped to its IAM action, and each must be
 * in the caller's stage lists; each boto3 call of the Glue runner must be in the Glue job role's
 * list. The TMDB function's own calls are checked as it sends them (tmdb/lambda/lease.test.ts).
 */
const ROOT = path.resolve(import.meta.dirname, "../../../../");
const PIPELINE = path.join(ROOT, "pipeline");

/** Calls the doctor does not list, and why. */
const NOT_LISTED: Readonly<Record<string, string>> = {
  // The doctor's own calls: when the caller may not make them, it says "could not check" instead.
  "iam:SimulatePrincipalPolicy": "the doctor itself; denied → could not check",
  "iam:GetRole": "the doctor itself (the path of an assumed role); denied → could not check",
  // GlueCatalog.addPartitions (aws/glue/glue-tables.ts) has no caller yet: the stage that registers
  // partitions on the aws target lists it in its own needs when it starts to.
  "glue:BatchCreatePartition": "no stage registers partitions through the catalog yet",
};

interface SentCall {
  file: string;
  operation: string;
  action: string | null;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every SDK operation a source file sends, with the package its command comes from. */
function callsIn(file: string): SentCall[] {
  const text = readFileSync(file, "utf8");
  const packageOf = new Map<string, string>();
  for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(@aws-sdk\/[^"]+)"/g)) {
    for (const name of (match[1] ?? "").split(",")) {
      const bare = name
        .replace(/^\s*type\s+/, "")
        .split(" as ")[0]
        ?.trim();
      if (bare) packageOf.set(bare, match[2] ?? "");
    }
  }
  const calls: SentCall[] = [];
  const add = (symbol: string, operation: string) => {
    const sdkPackage = packageOf.get(symbol);
    if (!sdkPackage) return; // a class of ours, not the SDK's
    calls.push({
      file: path.relative(ROOT, file),
      operation,
      action: iamActionOfPackage(sdkPackage, operation),
    });
  };
  for (const match of text.matchAll(/new ([A-Z]\w*)Command\(/g)) add(`${match[1]}Command`, match[1] ?? "");
  for (const match of text.matchAll(/\bpaginate([A-Z]\w*)\(/g)) add(`paginate${match[1]}`, match[1] ?? "");
  if (/new Upload\(/.test(text) && packageOf.get("Upload") === "@aws-sdk/lib-storage") {
    // lib-storage sends one PutObject, or a multipart upload it aborts on failure.
    for (const operation of ["PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload"])
      add("Upload", operation);
    calls.push({
      file: path.relative(ROOT, file),
      operation: "AbortMultipartUpload",
      action: "s3:AbortMultipartUpload",
    });
  }
  return calls;
}

const scope: IamScope = {
  partition: "aws",
  account: "123456789012",
  region: "eu-west-1",
  bucket: "my-lake",
  prefix: "course/",
  workgroup: "primary",
  athenaOutput: "s3://my-lake/athena-results/",
};

/** One plan of every stage, with everything it can touch. */
const EVERY_STAGE: StagePlan[] = [
  { stage: "ingest", datasets: ["movies", "series"] },
  { stage: "tmdb", reads: ["raw.movies"] },
  {
    stage: "tmdb-lambda",
    reads: ["raw.movies"],
    functionName: "lakebook-tmdb-enrich",
    roleArn: "lakebook-tmdb",
    secretName: "lakebook/tmdb",
  },
  {
    stage: "transform-glue",
    reads: ["raw.movies"],
    writes: ["trusted.movies"],
    jobName: "lakebook-transform",
    glueRole: "lakebook-glue-job",
  },
  { stage: "athena", reads: ["trusted.movies"], writes: ["refined.fact_title"] },
  {
    stage: "publish",
    reads: ["refined.fact_title"],
    identityRegion: "us-east-1",
    owner: { kind: "user", name: "ana" },
    ids: { dataSourceId: "ds", dataSetIds: ["set"], analysisId: "an", dashboardId: "db" },
  },
  {
    stage: "publish",
    reads: ["refined.fact_title"],
    identityRegion: "us-east-1",
    owner: { kind: "group", name: "analysts" },
    ids: { dataSourceId: "ds", dataSetIds: ["set"], analysisId: "an", dashboardId: "db" },
  },
  { stage: "workbench" },
];

const listedForCaller = new Set(
  EVERY_STAGE.flatMap((plan) => identityActions(scope, plan)).flatMap((need) => need.actions),
);
const calls = sourceFiles(PIPELINE).flatMap(callsIn);

describe("the permissions doctor's lists", () => {
  it("find the SDK calls to check (the scan itself works)", () => {
    const operations = new Set(calls.map((call) => call.operation));
    for (const operation of [
      "PutObject",
      "StartQueryExecution",
      "CreateIngestion",
      "GetTables",
      "ListObjectsV2",
    ]) {
      expect(operations).toContain(operation);
    }
  });

  it("name an IAM action for every call Lakebook sends as the notebook's identity", () => {
    const missing = calls
      .filter(
        (call) => call.action !== null && !listedForCaller.has(call.action) && !(call.action in NOT_LISTED),
      )
      .map((call) => `${call.action} (${call.operation} in ${call.file})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it("name an IAM action for every call the Glue runner makes as the job's role", () => {
    const script = readFileSync(path.join(ROOT, "spark-scripts/lakebook_transform.py"), "utf8");
    const listed = new Set([
      ...GLUE_JOB_ROLE.flatMap((list) => list.actions),
      ...transformJobActions(scope, {
        reads: ["raw.movies"],
        writes: ["trusted.movies"],
        inputFolders: [],
      }).flatMap((need) => need.actions),
    ]);
    const camel = (snake: string) => snake.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
    const called = new Set<string>();
    for (const match of script.matchAll(/\b(s3|glue)\.(?:get_paginator\("(\w+)"\)|(\w+)\()/g)) {
      const operation = camel(match[2] ?? match[3] ?? "");
      if (operation === "GetPaginator" || operation.startsWith("Exceptions")) continue;
      called.add(iamActionOfPackage(`@aws-sdk/client-${match[1]}`, operation) ?? "");
    }
    expect(called.size).toBeGreaterThan(5);
    expect([...called].filter((action) => !listed.has(action))).toEqual([]);
  });

  it("keep the TMDB function's own grants in its role's list", () => {
    const lambdaRole = new Set(
      lambdaRoleActions(scope, { functionName: "lakebook-tmdb-enrich", secretName: "lakebook/tmdb" }).flatMap(
        (need) => need.actions,
      ),
    );
    // The lease: read, created with a conditional write, deleted when done or expired.
    for (const action of [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "secretsmanager:GetSecretValue",
    ]) {
      expect(lambdaRole).toContain(action);
    }
  });
});
