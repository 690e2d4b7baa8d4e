import crypto from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A real S3-compatible server (s3rver) in this process, on a random port, with one empty bucket
 * and its data in a fresh temp folder. Each test file starts its own and stops it in afterAll.
 */
export interface RunningS3rver {
  endpoint: string;
  bucket: string;
  /** s3rver's fixed dummy credentials: it checks signatures, so the client must sign with these. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Where s3rver keeps the objects, to look at stored bytes directly. */
  directory: string;
  stop(): Promise<void>;
}

interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  resetOnClose: boolean;
  configureBuckets: { name: string; configs?: string[] }[];
}
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: S3rverOptions) => S3rverInstance;

// s3rver is CommonJS without type declarations: load it with require and give it the small shape we use.
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;

/**
 * s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 20) no longer
 * offers, so every truncated listing fails with a 500. Tokens are opaque to clients, so in this test
 * process we let s3rver's "des" (8-byte key and IV) be AES-128-CTR with both doubled to 16 bytes.
 * Only s3rver asks for "des"; nothing else is affected.
 */
let desShimmed = false;
function letS3rverUseDes(): void {
  if (desShimmed) return;
  desShimmed = true;
  type Factory = (algorithm: string, key: Uint8Array, iv: Uint8Array, options?: unknown) => unknown;
  const patchable = crypto as unknown as Record<"createCipheriv" | "createDecipheriv", Factory>;
  const doubled = (bytes: Uint8Array) => Buffer.concat([bytes, bytes]);
  for (const name of ["createCipheriv", "createDecipheriv"] as const) {
    const original = patchable[name];
    patchable[name] = (algorithm, key, iv, options) =>
      algorithm === "des"
        ? original("aes-128-ctr", doubled(key), doubled(iv))
        : original(algorithm, key, iv, options);
  }
}

export async function startS3rver(bucket = "lakebook-test"): Promise<RunningS3rver> {
  letS3rverUseDes();
  const directory = await mkdtemp(join(tmpdir(), "lakebook-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    resetOnClose: true,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    directory,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
