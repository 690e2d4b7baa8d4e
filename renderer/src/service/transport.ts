import {
  type DownloadMethodName,
  type MethodName,
  readReply,
  type ServiceError,
  type ServiceEvent,
  type UploadMethodName,
} from "../../../pipeline/contract";

/**
 * How the UI reaches the service: HTTP (`http-transport.ts`) or Electron IPC (`ipc-transport.ts`),
 * chosen once in `resolveTransport`. The UI never knows which. Every method throws
 * ServiceCallError with the service's error shape; results are validated by ServiceClient.
 */
export interface Transport {
  call(method: MethodName, params: unknown): Promise<unknown>;
  /** A download method's bytes, gathered into a Blob typed with the service's content type. */
  download(
    method: DownloadMethodName,
    params: unknown,
    options?: { signal?: AbortSignal },
  ): Promise<DownloadedFile>;
  /** Sends `file` as an upload method's bytes; resolves with the method's result, still to be validated. */
  upload(method: UploadMethodName, params: unknown, file: Blob, options?: UploadOptions): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  /** Resolves once events flow: a run started after this cannot miss its first event. */
  whenConnected(): Promise<void>;
  close(): void;
}

export interface DownloadedFile {
  blob: Blob;
  /** The name the service suggests for saving it. */
  fileName: string;
}

export interface UploadOptions {
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

export interface DashboardFile {
  html: Blob;
  fileName: string;
}

export interface DataFileUploadRequest extends UploadOptions {
  file: Blob;
  /** The plain file name it gets in `data/`. */
  name: string;
  /** Overwrite a file of that name with other content (otherwise DATA_FILE_EXISTS). */
  replace?: boolean;
}

/** Thrown for a failed call: the service's error shape, ready to draw in a cell. */
export class ServiceCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "ServiceCallError";
  }
}

/** The result of a reply read off the wire (pipeline/contract/reply.ts), or its error thrown. */
export function resultOf(raw: unknown, whenUnreadable: ServiceError): unknown {
  const reply = readReply(raw, whenUnreadable);
  if (reply.ok) return reply.result;
  const { code, message, hint, retryable } = reply.error;
  throw new ServiceCallError(code, message, hint, retryable);
}

export const cancelled = (what: "upload" | "download") =>
  new ServiceCallError("CANCELLED", `The ${what} was cancelled.`, undefined, true);

export type EventListener = (event: ServiceEvent) => void;
