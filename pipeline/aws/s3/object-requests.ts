import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";

/**
 * The S3 calls of the ingest's resumable upload (the loop, its checkpoints and retries live in
 * `stages/ingest/upload/`). Each sends one request with the caller's abort signal; AWS's exceptions
 * are thrown as they are, so the caller's retry policy can read them.
 */
export type S3Send = Pick<S3Client, "send">;

export interface ObjectRef {
  bucket: string;
  key: string;
}

export interface UploadRef extends ObjectRef {
  uploadId: string;
}

/** S3 quotes ETags (`"…"`); comparisons use the bare value. */
export function bareEtag(etag: string | undefined): string {
  return (etag ?? "").replace(/^(W\/)?"|"$/g, "");
}

/** How an object (or a part) is encrypted at rest, as S3 answers it. */
export interface Encryption {
  /** `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `aws:kms:dsse` (DSSE-KMS), or undefined. */
  encryption: string | undefined;
  /** Set when the object is encrypted with a key the client sent (SSE-C). */
  customerKeyAlgorithm?: string | undefined;
}

/** What a stored object says about itself. */
export interface ObjectFacts extends Encryption {
  size: number;
  /** Bare (unquoted). */
  etag: string;
  metadata: Record<string, string>;
}

/**
 * Whether S3 makes this object's (or part's) ETag the MD5 of its bytes: only when it is stored in
 * plain text or with SSE-S3. SSE-C, SSE-KMS and DSSE-KMS ETags are not MD5s (S3 API reference,
 * Object.ETag: https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html); nor is a
 * multipart object's, which is the MD5 of its part MD5s plus `-N` when the parts' ETags are MD5s.
 */
export function etagIsMd5(stored: Encryption): boolean {
  if (stored.customerKeyAlgorithm) return false;
  return stored.encryption === undefined || stored.encryption === "AES256";
}

/** S3 refused a conditional write: an object already exists under the key (412 PreconditionFailed). */
export function isPreconditionFailed(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "PreconditionFailed" || $metadata?.httpStatusCode === 412;
}

/** Another write to the same key raced this conditional one (409 ConditionalRequestConflict). */
export function isConditionalConflict(error: unknown): boolean {
  const { name } = (error ?? {}) as { name?: string };
  return name === "ConditionalRequestConflict";
}

/** CreateMultipartUpload; the upload id (undefined when the server gave none). */
export async function startMultipartUpload(
  client: S3Send,
  target: ObjectRef & { contentType: string; metadata: Record<string, string> },
  signal?: AbortSignal,
): Promise<string | undefined> {
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: target.bucket,
      Key: target.key,
      ContentType: target.contentType,
      Metadata: target.metadata,
    }),
    { abortSignal: signal },
  );
  return created.UploadId;
}

/** UploadPart with Content-MD5, so S3 refuses bytes that changed on the way. */
export async function uploadPart(
  client: S3Send,
  target: UploadRef & { partNumber: number; body: Buffer; md5: Buffer },
  signal?: AbortSignal,
): Promise<{ etag: string } & Encryption> {
  const response = await client.send(
    new UploadPartCommand({
      Bucket: target.bucket,
      Key: target.key,
      UploadId: target.uploadId,
      PartNumber: target.partNumber,
      Body: target.body,
      ContentLength: target.body.length,
      ContentMD5: target.md5.toString("base64"),
    }),
    { abortSignal: signal },
  );
  return {
    etag: bareEtag(response.ETag),
    encryption: response.ServerSideEncryption,
    customerKeyAlgorithm: response.SSECustomerAlgorithm,
  };
}

/**
 * CompleteMultipartUpload: the object appears under its key, assembled from these parts, only now.
 * `onlyIfAbsent` sends `If-None-Match: *`: S3 refuses with 412 when an object is already there
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html). Returns the ETag.
 */
export async function completeMultipartUpload(
  client: S3Send,
  target: UploadRef & { onlyIfAbsent?: boolean },
  parts: readonly { partNumber: number; etag: string }[],
  signal?: AbortSignal,
): Promise<string> {
  const response = await client.send(
    new CompleteMultipartUploadCommand({
      Bucket: target.bucket,
      Key: target.key,
      UploadId: target.uploadId,
      MultipartUpload: {
        Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: `"${part.etag}"` })),
      },
      ...(target.onlyIfAbsent ? { IfNoneMatch: "*" } : {}),
    }),
    { abortSignal: signal },
  );
  return bareEtag(response.ETag);
}

/** PutObject of a body held whole, with Content-MD5 (and `If-None-Match: *` when `onlyIfAbsent`); the ETag. */
export async function putWholeObject(
  client: S3Send,
  target: ObjectRef & {
    body: Buffer;
    md5: Buffer;
    contentType: string;
    metadata: Record<string, string>;
    onlyIfAbsent?: boolean;
  },
  signal?: AbortSignal,
): Promise<string> {
  const response = await client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      Body: target.body,
      ContentLength: target.body.length,
      ContentMD5: target.md5.toString("base64"),
      ContentType: target.contentType,
      Metadata: target.metadata,
      ...(target.onlyIfAbsent ? { IfNoneMatch: "*" } : {}),
    }),
    { abortSignal: signal },
  );
  return bareEtag(response.ETag);
}

/** HeadObject; undefined when nothing is stored under the key (a missing bucket is an error). */
export async function headObject(
  client: S3Send,
  target: ObjectRef,
  signal?: AbortSignal,
): Promise<ObjectFacts | undefined> {
  try {
    const response = await client.send(new HeadObjectCommand({ Bucket: target.bucket, Key: target.key }), {
      abortSignal: signal,
    });
    return {
      size: response.ContentLength ?? 0,
      etag: bareEtag(response.ETag),
      metadata: response.Metadata ?? {},
      encryption: response.ServerSideEncryption,
      customerKeyAlgorithm: response.SSECustomerAlgorithm,
    };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const name = (error as { name?: string }).name;
    if (name === "NotFound" || name === "NoSuchKey" || (status === 404 && name !== "NoSuchBucket")) {
      return undefined;
    }
    throw error;
  }
}

export async function deleteObject(client: S3Send, target: ObjectRef): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: target.key }));
}
