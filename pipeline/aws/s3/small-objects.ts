import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { bareEtag, type ObjectRef, type S3Send } from "./object-requests";

/**
 * Small JSON objects read and written whole, for coordination through the lake (the TMDB
 * function's lease). `putIfAbsent` writes with `If-None-Match: *`: S3 answers 412
 * PreconditionFailed when the key holds an object and 409 ConditionalRequestConflict when another
 * write raced it (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html);
 * both are thrown as they are (see `isPreconditionFailed`, `isConditionalConflict`).
 */
export async function readSmallObject(
  client: S3Send,
  target: ObjectRef,
): Promise<{ text: string; etag: string } | undefined> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: target.key }));
    const text = (await response.Body?.transformToString("utf8")) ?? "";
    return { text, etag: bareEtag(response.ETag) };
  } catch (error) {
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (name === "NoSuchKey" || (name !== "NoSuchBucket" && $metadata?.httpStatusCode === 404))
      return undefined;
    throw error;
  }
}

export async function putIfAbsent(
  client: S3Send,
  target: ObjectRef & { text: string; contentType: string },
): Promise<string> {
  const response = await client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      Body: target.text,
      ContentType: target.contentType,
      IfNoneMatch: "*",
    }),
  );
  return bareEtag(response.ETag);
}
