import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { LakebookError } from "../contract/errors";
import { assertSafeKey, assertSafePrefix } from "./keys";
import {
  cancelled,
  chunksToStore,
  type ObjectBody,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
} from "./object-store";
import { joinKey } from "./paths";
import { createS3Client, type S3ClientSettings } from "./s3-client";
import { s3Error } from "./s3-errors";

export interface S3StoreOptions extends S3ClientSettings {
  bucket: string;
  /** Folder inside the bucket that plays the lake root, e.g. "lakebook/"; keys stay relative to it. */
  prefix?: string;
  /** A ready client (tests, shared connection pools); otherwise one is made by `createS3Client`. */
  client?: S3Client;
  /** ListObjectsV2 page size (MaxKeys, at most 1000); small pages let tests exercise pagination. */
  listPageSize?: number;
}

/** Parts of 8 MiB, 4 in flight: ≈ 32 MiB of buffers per upload, and a 172 MB CSV in 21 parts. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;
const NOT_FOUND = new Set(["NoSuchKey", "NotFound"]);
// Lowercase letters, digits, dots and hyphens, 3-63 characters, starting and ending with a letter or digit.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * The lake in an S3 bucket. Uploads go through lib-storage's `Upload`, which sends one PutObject for
 * small bodies and a multipart upload otherwise, without knowing the length in advance.
 */
export class S3Store implements ObjectStore {
  readonly bucket: string;
  /** "" or a folder ending in "/". */
  readonly prefix: string;
  readonly location: string;
  readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly listPageSize: number | undefined;

  constructor(options: S3StoreOptions) {
    if (!BUCKET_NAME.test(options.bucket)) {
      throw new LakebookError("S3_BUCKET_INVALID", `"${options.bucket}" is not a valid S3 bucket name.`, {
        hint: "Bucket names are 3-63 lowercase letters, digits, dots and hyphens, e.g. lakebook-data-lake.",
        params: { bucket: options.bucket },
      });
    }
    const trimmed = (options.prefix ?? "").replace(/^\/+|\/+$/g, "");
    this.prefix = trimmed === "" ? "" : `${trimmed}/`;
    assertSafePrefix(this.prefix);
    this.bucket = options.bucket;
    this.location = `s3://${this.bucket}/${this.prefix}`;
    this.client = options.client ?? createS3Client(options);
    this.ownsClient = options.client === undefined;
    this.listPageSize = options.listPageSize;
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<ObjectInfo> {
    const fullKey = this.fullKey(key);
    // Upload.abort() before done() is not noticed by lib-storage, so never start a cancelled upload.
    if (options.signal?.aborted) throw cancelled();
    // Strings and bytes go as they are, so a small object is one PutObject with a known length.
    const payload =
      typeof body === "string" || body instanceof Uint8Array
        ? body
        : Readable.from(chunksToStore(body, options.signal), { objectMode: false });
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: fullKey,
        Body: payload,
        ...(options.contentType ? { ContentType: options.contentType } : {}),
        ...(options.metadata ? { Metadata: options.metadata } : {}),
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    const { onProgress, signal } = options;
    if (onProgress) {
      let sent = 0;
      upload.on("httpUploadProgress", (progress) => {
        // Parts finish out of order; report a running maximum so the bar never moves backwards.
        if (progress.loaded !== undefined && progress.loaded > sent) {
          sent = progress.loaded;
          onProgress(sent);
        }
      });
    }
    const abort = () => void upload.abort();
    signal?.addEventListener("abort", abort, { once: true });
    try {
      await upload.done();
    } catch (error) {
      throw signal?.aborted
        ? cancelled()
        : s3Error(error, { action: "upload", bucket: this.bucket, key: fullKey });
    } finally {
      signal?.removeEventListener("abort", abort);
    }
    // S3 is strongly consistent: the HEAD sees what we just wrote, with its real size and date.
    const info = await this.head(key);
    if (!info) {
      throw new LakebookError("S3_ERROR", `Uploaded s3://${this.bucket}/${fullKey} but it is not there.`, {
        hint: "Another process may have deleted it; run the step again.",
        retryable: true,
      });
    }
    return info;
  }

  async get(key: string): Promise<Readable> {
    const fullKey = this.fullKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: fullKey }));
      if (response.Body instanceof Readable) return response.Body;
      throw new LakebookError(
        "S3_ERROR",
        `S3 returned no readable body for s3://${this.bucket}/${fullKey}.`,
        {
          hint: "This runtime's HTTP handler does not return Node streams; run Lakebook under Node.",
        },
      );
    } catch (error) {
      if (isNotFound(error)) {
        throw new LakebookError("LAKE_NOT_FOUND", `No object "${key}" in the lake at ${this.location}.`, {
          hint: "Check the key's casing and zero-padded date, or run the step that writes it.",
          params: { key },
        });
      }
      throw s3Error(error, { action: "download", bucket: this.bucket, key: fullKey });
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const fullKey = this.fullKey(key);
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: fullKey }));
      return {
        key,
        size: response.ContentLength ?? 0,
        lastModified: response.LastModified ?? new Date(0),
        ...etagOf(response.ETag),
        ...(response.Metadata && Object.keys(response.Metadata).length > 0
          ? { metadata: response.Metadata }
          : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw s3Error(error, { action: "inspect", bucket: this.bucket, key: fullKey });
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertSafePrefix(prefix);
    const pages = paginateListObjectsV2(
      { client: this.client, ...(this.listPageSize ? { pageSize: this.listPageSize } : {}) },
      { Bucket: this.bucket, Prefix: this.prefix + prefix },
    );
    try {
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          const fullKey = object.Key ?? "";
          // Zero-byte "folder" markers made by the S3 console (`Raw/`) are not objects of the lake.
          if (!fullKey.startsWith(this.prefix) || fullKey.endsWith("/")) continue;
          yield {
            key: fullKey.slice(this.prefix.length),
            size: object.Size ?? 0,
            lastModified: object.LastModified ?? new Date(0),
            ...etagOf(object.ETag),
          };
        }
      }
    } catch (error) {
      throw s3Error(error, { action: "list", bucket: this.bucket, key: this.prefix + prefix });
    }
  }

  async delete(key: string): Promise<void> {
    const fullKey = this.fullKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: fullKey }));
    } catch (error) {
      if (isNotFound(error)) return;
      throw s3Error(error, { action: "delete", bucket: this.bucket, key: fullKey });
    }
  }

  /** Closes the connections of a client this store made itself; a client passed in is the caller's. */
  destroy(): void {
    if (this.ownsClient) this.client.destroy();
  }

  /** The object's key in the bucket (the store's prefix + `key`), checked like every key. */
  fullKey(key: string): string {
    assertSafeKey(key);
    const fullKey = joinKey(this.prefix, key);
    // The prefix counts towards S3's 1024-byte limit.
    if (fullKey !== key) assertSafeKey(fullKey);
    return fullKey;
  }
}

function isNotFound(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const sdk = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  // A missing bucket is also a 404, but it is a setup problem for s3Error to explain, not a missing object.
  if (sdk.name === "NoSuchBucket") return false;
  return NOT_FOUND.has(sdk.name ?? "") || sdk.$metadata?.httpStatusCode === 404;
}

/** S3 quotes ETags (`"d41d8…"`); callers compare bare hex. */
function etagOf(etag: string | undefined): { etag?: string } {
  return etag ? { etag: etag.replace(/^"|"$/g, "") } : {};
}
