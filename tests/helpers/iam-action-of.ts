/**
 * The IAM action that authorizes an SDK command, from the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/): usually `<prefix>:<Operation>`,
 * except where S3 and Lambda authorize an operation under another action's name
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html).
 */
const PREFIX_OF_PACKAGE: Readonly<Record<string, string>> = {
  "@aws-sdk/client-s3": "s3",
  "@aws-sdk/lib-storage": "s3",
  "@aws-sdk/client-glue": "glue",
  "@aws-sdk/client-athena": "athena",
  "@aws-sdk/client-lambda": "lambda",
  "@aws-sdk/client-quicksight": "quicksight",
  "@aws-sdk/client-secrets-manager": "secretsmanager",
  "@aws-sdk/client-cloudwatch-logs": "logs",
  "@aws-sdk/client-sts": "sts",
  "@aws-sdk/client-iam": "iam",
};

/** The same, by the v3 client's class name (what a sent request is recorded under). */
const PREFIX_OF_CLIENT: Readonly<Record<string, string>> = {
  S3Client: "s3",
  GlueClient: "glue",
  AthenaClient: "athena",
  LambdaClient: "lambda",
  QuickSightClient: "quicksight",
  SecretsManagerClient: "secretsmanager",
  CloudWatchLogsClient: "logs",
  STSClient: "sts",
  IAMClient: "iam",
};

/** `null`: the call needs no permission. */
const AUTHORIZED_AS: Readonly<Record<string, string | null>> = {
  // HeadBucket is allowed by s3:ListBucket (there is no s3:HeadBucket action).
  "s3:HeadBucket": "s3:ListBucket",
  "s3:HeadObject": "s3:GetObject",
  "s3:CreateMultipartUpload": "s3:PutObject",
  "s3:UploadPart": "s3:PutObject",
  "s3:CompleteMultipartUpload": "s3:PutObject",
  "s3:ListParts": "s3:ListMultipartUploadParts",
  "s3:ListMultipartUploads": "s3:ListBucketMultipartUploads",
  "s3:ListObjectsV2": "s3:ListBucket",
  "s3:DeleteObjects": "s3:DeleteObject",
  "lambda:Invoke": "lambda:InvokeFunction",
  // "No permissions are required to perform this operation"
  // (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
  "sts:GetCallerIdentity": null,
};

function actionOf(prefix: string, operation: string): string | null {
  const plain = `${prefix}:${operation}`;
  return plain in AUTHORIZED_AS ? (AUTHORIZED_AS[plain] ?? null) : plain;
}

/** `@aws-sdk/client-s3` + `HeadObject` → `s3:GetObject`. */
export function iamActionOfPackage(sdkPackage: string, operation: string): string | null {
  const prefix = PREFIX_OF_PACKAGE[sdkPackage];
  if (!prefix)
    throw new Error(`No IAM prefix known for ${sdkPackage}: add it to tests/helpers/iam-action-of.ts`);
  return actionOf(prefix, operation);
}

/** `S3Client.HeadObject` → `s3:GetObject`. */
export function iamActionOfRequest(request: string): string | null {
  const [client = "", operation = ""] = request.split(".");
  const prefix = PREFIX_OF_CLIENT[client];
  if (!prefix) throw new Error(`No IAM prefix known for ${client}: add it to tests/helpers/iam-action-of.ts`);
  return actionOf(prefix, operation);
}
