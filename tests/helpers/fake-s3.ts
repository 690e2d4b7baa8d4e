import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small S3 over HTTP, for the multipart calls s3rver lacks (ListParts, ListMultipartUploads,
 * AbortMultipartUpload): path-style requests, AWS's multipart ETag (MD5 of the part MD5s + `-N`),
 * and every request recorded, so tests assert the exact calls the SDK made. `failNext` scripts
 * error answers (SlowDown, 500) for the next requests of one operation.
 *
 * It refuses what S3 refuses, with S3's error codes: a Content-MD5 that does not match the body
 * (400 BadDigest), a part number outside 1..10,000 (400 InvalidArgument), and on
 * CompleteMultipartUpload parts not in ascending order (400 InvalidPartOrder), a part that is not
 * stored or whose ETag differs (400 InvalidPart), and a part other than the last under 5 MiB
 * (400 EntityTooSmall). Tests that keep their files small with smaller parts lower `minPartSize`
 * and say so.
 *
 * Conditional writes as S3 answers them: `If-None-Match: *` on PutObject and
 * CompleteMultipartUpload refuses with 412 PreconditionFailed when the key holds an object
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html). `encryption`
 * plays a bucket whose default encryption is SSE-KMS or DSSE-KMS: every write answers with
 * `x-amz-server-side-encryption`, and the ETags are opaque, not MD5s
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html).
 */
export interface FakeS3Options {
  bucket?: string;
  /** S3's minimum for every part but the last: 5 MiB. */
  minPartSize?: number;
  /** The bucket's default encryption: `aws:kms` or `aws:kms:dsse` make ETags opaque. */
  encryption?: "AES256" | "aws:kms" | "aws:kms:dsse";
}

export const S3_MIN_PART_SIZE = 5 * 1024 * 1024;
export interface RecordedRequest {
  op: string;
  method: string;
  key: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

interface Upload {
  key: string;
  initiated: Date;
  metadata: Record<string, string>;
  parts: Map<number, Buffer>;
}

interface StoredObject {
  body: Buffer;
  etag: string;
  metadata: Record<string, string>;
}

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  requests: RecordedRequest[];
  uploads: Map<string, Upload>;
  objects: Map<string, StoredObject>;
  /** The next `times` requests of `op` answer with this error. */
  failNext(op: string, status: number, code: string, times?: number): void;
  /** Adds an unfinished upload, as a crashed earlier run would leave it. */
  addUpload(key: string, parts?: Buffer[]): string;
  ops(): string[];
  stop(): Promise<void>;
}

const md5 = (data: Uint8Array) => createHash("md5").update(data).digest();

export async function startFakeS3(options: FakeS3Options = {}): Promise<FakeS3> {
  const { bucket = "fake-lake", minPartSize = S3_MIN_PART_SIZE, encryption } = options;
  const opaque = encryption === "aws:kms" || encryption === "aws:kms:dsse";
  const sse: Record<string, string> = encryption ? { "x-amz-server-side-encryption": encryption } : {};
  /** A part's or object's ETag: its MD5, or (SSE-KMS, DSSE-KMS) an opaque value of the same shape. */
  const etagOf = (data: Buffer) =>
    opaque ? md5(Buffer.concat([Buffer.from("kms"), md5(data)])).toString("hex") : md5(data).toString("hex");
  const requests: RecordedRequest[] = [];
  const uploads = new Map<string, Upload>();
  const objects = new Map<string, StoredObject>();
  const failures: { op: string; status: number; code: string }[] = [];

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const [, urlBucket = "", ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    const query = Object.fromEntries(url.searchParams);
    const body = await readBody(req);
    const op = operation(req.method ?? "", key, query);
    const headers = Object.fromEntries(
      Object.entries(req.headers)
        .filter(
          ([name]) =>
            name === "content-md5" ||
            name === "content-type" ||
            name === "if-none-match" ||
            name.startsWith("x-amz-meta-"),
        )
        .map(([name, value]) => [name, String(value)]),
    );
    requests.push({ op, method: req.method ?? "", key, query, headers });
    if (urlBucket !== bucket) return error(res, 404, "NoSuchBucket");
    const failure = failures.findIndex((f) => f.op === op);
    const scripted = failure >= 0 ? failures.splice(failure, 1)[0] : undefined;
    if (scripted) return error(res, scripted.status, scripted.code);
    const sentMd5 = req.headers["content-md5"];
    if (sentMd5 !== undefined && sentMd5 !== md5(body).toString("base64")) {
      return error(res, 400, "BadDigest");
    }
    handle(op, key, query, req, body, res);
  });

  function handle(
    op: string,
    key: string,
    query: Record<string, string>,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): void {
    const upload = query.uploadId ? uploads.get(query.uploadId) : undefined;
    switch (op) {
      case "CreateMultipartUpload": {
        const id = randomBytes(8).toString("hex");
        uploads.set(id, { key, initiated: new Date(), metadata: metaOf(req), parts: new Map() });
        xml(
          res,
          `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${esc(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
        );
        return;
      }
      case "UploadPart": {
        if (!upload) {
          error(res, 404, "NoSuchUpload");
          return;
        }
        const partNumber = Number(query.partNumber);
        if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
          error(res, 400, "InvalidArgument");
          return;
        }
        upload.parts.set(partNumber, body);
        res.writeHead(200, { ETag: `"${etagOf(body)}"`, ...sse });
        return void res.end();
      }
      case "ListParts": {
        if (!upload) {
          error(res, 404, "NoSuchUpload");
          return;
        }
        const parts = [...upload.parts.entries()]
          .sort(([a], [b]) => a - b)
          .map(
            ([n, data]) =>
              `<Part><PartNumber>${n}</PartNumber><ETag>"${etagOf(data)}"</ETag><Size>${data.length}</Size><LastModified>${new Date().toISOString()}</LastModified></Part>`,
          );
        xml(
          res,
          `<ListPartsResult><Bucket>${bucket}</Bucket><Key>${esc(key)}</Key><UploadId>${query.uploadId}</UploadId><IsTruncated>false</IsTruncated>${parts.join("")}</ListPartsResult>`,
        );
        return;
      }
      case "ListMultipartUploads": {
        const prefix = query.prefix ?? "";
        const listed = [...uploads.entries()]
          .filter(([, u]) => u.key.startsWith(prefix))
          .map(
            ([id, u]) =>
              `<Upload><Key>${esc(u.key)}</Key><UploadId>${id}</UploadId><Initiated>${u.initiated.toISOString()}</Initiated></Upload>`,
          );
        xml(
          res,
          `<ListMultipartUploadsResult><Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>${listed.join("")}</ListMultipartUploadsResult>`,
        );
        return;
      }
      case "AbortMultipartUpload": {
        if (!upload) {
          error(res, 404, "NoSuchUpload");
          return;
        }
        uploads.delete(query.uploadId ?? "");
        res.writeHead(204);
        return void res.end();
      }
      case "CompleteMultipartUpload": {
        if (!upload) {
          error(res, 404, "NoSuchUpload");
          return;
        }
        if (req.headers["if-none-match"] === "*" && objects.has(key)) {
          error(res, 412, "PreconditionFailed");
          return;
        }
        const refusal = completionRefusal(upload, partsOf(body), minPartSize, etagOf);
        if (refusal) {
          error(res, 400, refusal);
          return;
        }
        const parts = partsOf(body).map(({ number }) => upload.parts.get(number) as Buffer);
        const data = Buffer.concat(parts as Buffer[]);
        const etag = `${md5(Buffer.concat(parts.map((p) => Buffer.from(etagOf(p), "hex")))).toString("hex")}-${parts.length}`;
        objects.set(key, { body: data, etag, metadata: upload.metadata });
        uploads.delete(query.uploadId ?? "");
        res.setHeader("ETag", `"${etag}"`);
        for (const [name, value] of Object.entries(sse)) res.setHeader(name, value);
        xml(
          res,
          `<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${esc(key)}</Key><ETag>"${etag}"</ETag></CompleteMultipartUploadResult>`,
        );
        return;
      }
      case "PutObject": {
        if (req.headers["if-none-match"] === "*" && objects.has(key)) {
          error(res, 412, "PreconditionFailed");
          return;
        }
        objects.set(key, { body, etag: etagOf(body), metadata: metaOf(req) });
        res.writeHead(200, { ETag: `"${etagOf(body)}"`, ...sse });
        return void res.end();
      }
      case "GetObject": {
        const object = objects.get(key);
        if (!object) {
          error(res, 404, "NoSuchKey");
          return;
        }
        res.writeHead(200, {
          "Content-Length": object.body.length,
          ETag: `"${object.etag}"`,
          ...sse,
          ...Object.fromEntries(Object.entries(object.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v])),
        });
        return void res.end(object.body);
      }
      case "HeadObject": {
        const object = objects.get(key);
        if (!object) {
          res.writeHead(404);
          return void res.end();
        }
        const meta = Object.fromEntries(
          Object.entries(object.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]),
        );
        res.writeHead(200, {
          "Content-Length": object.body.length,
          ETag: `"${object.etag}"`,
          "Last-Modified": new Date().toUTCString(),
          ...sse,
          ...meta,
        });
        return void res.end();
      }
      case "DeleteObject": {
        objects.delete(key);
        res.writeHead(204);
        return void res.end();
      }
      default:
        error(res, 501, "NotImplemented");
        return;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    requests,
    uploads,
    objects,
    failNext: (op, status, code, times = 1) => {
      for (let i = 0; i < times; i++) failures.push({ op, status, code });
    },
    addUpload: (key, parts = []) => {
      const id = randomBytes(8).toString("hex");
      uploads.set(id, {
        key,
        initiated: new Date(Date.now() - 86_400_000),
        metadata: {},
        parts: new Map(parts.map((p, i) => [i + 1, p])),
      });
      return id;
    },
    ops: () => requests.map((r) => r.op),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The parts a CompleteMultipartUpload body lists, in its order. */
function partsOf(body: Buffer): { number: number; etag: string }[] {
  return [...body.toString("utf8").matchAll(/<Part>(.*?)<\/Part>/gs)].map(([, part = ""]) => ({
    number: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(part)?.[1]),
    etag: (/<ETag>(.*?)<\/ETag>/s.exec(part)?.[1] ?? "").replace(/&quot;|"/g, ""),
  }));
}

/** S3's error code for a completion it would refuse, or undefined when it would accept it. */
function completionRefusal(
  upload: Upload,
  listed: { number: number; etag: string }[],
  minPartSize: number,
  etagOf: (data: Buffer) => string,
): string | undefined {
  if (listed.length === 0) return "MalformedXML";
  for (let i = 1; i < listed.length; i++) {
    if ((listed[i]?.number ?? 0) <= (listed[i - 1]?.number ?? 0)) return "InvalidPartOrder";
  }
  for (const [index, { number, etag }] of listed.entries()) {
    const stored = upload.parts.get(number);
    if (!stored || etag !== etagOf(stored)) return "InvalidPart";
    if (index < listed.length - 1 && stored.length < minPartSize) return "EntityTooSmall";
  }
  return undefined;
}

function operation(method: string, key: string, query: Record<string, string>): string {
  if (method === "GET" && key === "" && "uploads" in query) return "ListMultipartUploads";
  if (method === "POST" && "uploads" in query) return "CreateMultipartUpload";
  if (method === "PUT" && "partNumber" in query) return "UploadPart";
  if (method === "GET" && "uploadId" in query) return "ListParts";
  if (method === "DELETE" && "uploadId" in query) return "AbortMultipartUpload";
  if (method === "POST" && "uploadId" in query) return "CompleteMultipartUpload";
  if (method === "PUT") return "PutObject";
  if (method === "HEAD") return "HeadObject";
  if (method === "GET" && key !== "") return "GetObject";
  if (method === "DELETE") return "DeleteObject";
  return `${method} ${key}`;
}

function metaOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers)
      .filter(([name]) => name.startsWith("x-amz-meta-"))
      .map(([name, value]) => [name.slice("x-amz-meta-".length), String(value)]),
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function xml(res: ServerResponse, body: string): void {
  res.writeHead(200, { "Content-Type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function error(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { "Content-Type": "application/xml" });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message><RequestId>fake</RequestId></Error>`,
  );
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
