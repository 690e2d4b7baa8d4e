import type { z } from "zod";
import {
  type DownloadHead,
  DownloadHeadSchema,
  errorReply,
  isDownloadMethod,
  isUploadMethod,
  LakebookError,
  type MethodName,
  methods,
  okReply,
  type ServiceError,
  type ServiceEvent,
  type ServiceReply,
  streamMethods,
} from "../contract";
import { publicError } from "./public-error";
import type { ServiceRouter } from "./router";

/** A download's reply: the head and a body to read, or the error. */
export type DownloadReply =
  | { ok: true; result: DownloadHead; body: AsyncIterable<Uint8Array> }
  | { ok: false; error: ServiceError };

/**
 * What every transport calls, and the only thing it calls: the HTTP host and the Electron IPC
 * bridge map their messages onto these and send the replies back as they are. Nothing here throws;
 * a failure is a reply with the error shape, scrubbed of stacks and credentials.
 */
export interface ServiceDispatcher {
  call(method: unknown, params: unknown): Promise<ServiceReply>;
  /** Starts a download method. A body that fails later throws a LakebookError already scrubbed. */
  openDownload(method: unknown, params: unknown, signal?: AbortSignal): Promise<DownloadReply>;
  /** Runs an upload method over `body`, which the transport feeds as the bytes arrive. */
  acceptUpload(
    method: unknown,
    params: unknown,
    body: AsyncIterable<Uint8Array>,
    signal?: AbortSignal,
  ): Promise<ServiceReply>;
  subscribe(listener: (event: ServiceEvent) => void): () => void;
}

export function createDispatcher(router: ServiceRouter): ServiceDispatcher {
  return {
    async call(method, params) {
      try {
        if (typeof method !== "string" || !Object.hasOwn(methods, method)) throw unknownMethod(method);
        const spec = methods[method as MethodName];
        const result = await router.call(method as MethodName, validParams(method, spec.params, params));
        return okReply(spec.result.parse(result));
      } catch (error) {
        return errorReply(publicError(error));
      }
    },
    async openDownload(method, params, signal) {
      try {
        if (typeof method !== "string" || !isDownloadMethod(method)) throw unknownMethod(method);
        const spec = streamMethods[method];
        const download = await router.download(method, validParams(method, spec.params, params), signal);
        return { ok: true, result: DownloadHeadSchema.parse(download.head), body: scrubbed(download.body) };
      } catch (error) {
        return errorReply(publicError(error));
      }
    },
    async acceptUpload(method, params, body, signal) {
      try {
        if (typeof method !== "string" || !isUploadMethod(method)) throw unknownMethod(method);
        const spec = streamMethods[method];
        const result = await router.upload(method, validParams(method, spec.params, params), body, signal);
        return okReply(spec.result.parse(result));
      } catch (error) {
        return errorReply(publicError(error));
      }
    },
    subscribe: (listener) => router.subscribe(listener),
  };
}

function validParams(method: string, schema: z.ZodType, params: unknown): unknown {
  const parsed = schema.safeParse(params ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new LakebookError("INVALID_PARAMS", `Invalid parameters for ${method}: ${issues.join("; ")}`);
}

const unknownMethod = (method: unknown) =>
  new LakebookError("UNKNOWN_METHOD", `The service has no method "${String(method)}".`);

/** A body whose failure mid-way reaches the transport as the error shape, never a raw error. */
async function* scrubbed(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    const { code, message, hint, retryable } = publicError(error);
    throw new LakebookError(code, message, { retryable, ...(hint ? { hint } : {}) });
  }
}
