import { createHash } from "node:crypto";
import { HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { glueError } from "./glue-errors";
import type { TransformSpec } from "./transform-spec";

/**
 * What a Glue run needs in S3 before it starts: the script (uploaded only when it changed) and the
 * cell's spec (one object per run). Both live under `<prefix>_lakebook/glue/`, beside the lake's zones
 * and hidden from them by the leading underscore.
 */
export interface GlueBucket {
  bucket: string;
  /** The lake's folder in the bucket: "" or ending in "/". */
  prefix?: string;
}

export const GLUE_FOLDER = "_lakebook/glue/";
export const RUNNER_FILE_NAME = "lakebook_transform.py";

export function scriptKey(target: GlueBucket, fileName: string, custom = false): string {
  return `${target.prefix ?? ""}${GLUE_FOLDER}scripts/${custom ? "user/" : ""}${fileName}`;
}

/** The metadata key holding the script's SHA-256: S3's ETag is not a content hash under SSE-KMS or multipart. */
const SHA_METADATA = "sha256";

/**
 * Puts the script at `s3://<bucket>/<prefix>_lakebook/glue/scripts/<fileName>` unless the object there
 * already has the same SHA-256. Returns its URI and whether it was uploaded.
 */
export async function uploadScript(
  s3: S3Client,
  target: GlueBucket,
  script: { fileName: string; body: string; custom?: boolean },
): Promise<{ uri: string; uploaded: boolean }> {
  const key = scriptKey(target, script.fileName, script.custom);
  const uri = `s3://${target.bucket}/${key}`;
  const sha = createHash("sha256").update(script.body).digest("hex");
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: key }));
    if (head.Metadata?.[SHA_METADATA] === sha) return { uri, uploaded: false };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name !== "NotFound" && name !== "NoSuchKey") {
      throw glueError(error, { action: `check the Glue script at ${uri}`, iamAction: "s3:GetObject" });
    }
  }
  await put(s3, target.bucket, key, script.body, "text/x-python", { [SHA_METADATA]: sha });
  return { uri, uploaded: true };
}

/** Uploads the spec as `<prefix>_lakebook/glue/specs/<cell>/<time>.json`, so no run reads another's. */
export async function uploadSpec(
  s3: S3Client,
  target: GlueBucket,
  spec: TransformSpec,
  now: Date = new Date(),
): Promise<string> {
  const cell = spec.cellId.replace(/[^A-Za-z0-9_-]/g, "_");
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const key = `${target.prefix ?? ""}${GLUE_FOLDER}specs/${cell}/${stamp}.json`;
  await put(s3, target.bucket, key, `${JSON.stringify(spec, null, 2)}\n`, "application/json");
  return `s3://${target.bucket}/${key}`;
}

async function put(
  s3: S3Client,
  bucket: string,
  key: string,
  body: string,
  contentType: string,
  metadata?: Record<string, string>,
): Promise<void> {
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ...(metadata ? { Metadata: metadata } : {}),
      }),
    );
  } catch (error) {
    throw glueError(error, { action: `upload s3://${bucket}/${key}`, iamAction: "s3:PutObject" });
  }
}
