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

/** What a stored object says about itself. */
export interface ObjectFacts {
  size: number;
  /** Bare (unquoted). */
  etag: string;
  metadata: Record<string, string>;
  /** "aws:kms" when its ETag is not an MD5. */
  encryption: string | undefined;
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
): Promise<{ etag: string; encryption: string | undefined }> {
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
  return { etag: bareEtag(response.ETag), encryption: response.ServerSideEncryption };
}

/** CompleteMultipartUpload: the object appears under its key, assembled from these parts, only now. */
export async function completeMultipartUpload(
  client: S3Send,
  target: UploadRef,
  parts: readonly { partNumber: number; etag: string }[],
  signal?: AbortSignal,
): Promise<void> {
  await client.send(
    new CompleteMultipartUploadCommand({
      Bucket: target.bucket,
      Key: target.key,
      UploadId: target.uploadId,
      MultipartUpload: {
        Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: `"${part.etag}"` })),
      },
    }),
    { abortSignal: signal },
  );
}

/** PutObject of a body held whole, with Content-MD5. */
export async function putWholeObject(
  client: S3Send,
  target: ObjectRef & { body: Buffer; md5: Buffer; contentType: string; metadata: Record<string, string> },
  signal?: AbortSignal,
): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      Body: target.body,
      ContentLength: target.body.length,
      ContentMD5: target.md5.toString("base64"),
      ContentType: target.contentType,
      Metadata: target.metadata,
    }),
    { abortSignal: signal },
  );
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
