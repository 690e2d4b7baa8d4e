import {
  type DataFileUpload,
  type DownloadMethodName,
  type MethodName,
  type MethodParams,
  type MethodResult,
  methods,
  type ServiceEvent,
  ServiceEventSchema,
  type StreamParams,
  streamMethods,
  type UploadMethodName,
  type UploadResult,
} from "../../../pipeline/contract";
import { desktopApi } from "./desktop";
import { httpTransport } from "./http-transport";
import { ipcTransport } from "./ipc-transport";
import type {
  DashboardFile,
  DataFileUploadRequest,
  DownloadedFile,
  Transport,
  UploadOptions,
} from "./transport";

/**
 * The UI's only way to the service. Results and events are validated with the same zod schemas
 * the service uses, so a mismatch shows up at the boundary instead of deep in a component.
 */
export class ServiceClient {
  constructor(private readonly transport: Transport) {}

  async call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    const result = await this.transport.call(method, params);
    return methods[method].result.parse(result) as MethodResult<M>;
  }

  /** A download method's bytes as a Blob and the name to save it under; throws ServiceCallError. */
  download<M extends DownloadMethodName>(
    method: M,
    params: StreamParams<M>,
    options: { signal?: AbortSignal } = {},
  ): Promise<DownloadedFile> {
    return this.transport.download(method, params, options);
  }

  /** Sends `file` as an upload method's bytes; throws ServiceCallError. */
  async upload<M extends UploadMethodName>(
    method: M,
    params: StreamParams<M>,
    file: Blob,
    options: UploadOptions = {},
  ): Promise<UploadResult<M>> {
    const result = await this.transport.upload(method, params, file, options);
    return streamMethods[method].result.parse(result) as UploadResult<M>;
  }

  eventsConnected(): Promise<void> {
    return this.transport.whenConnected();
  }

  close(): void {
    this.transport.close();
  }

  /** A kept query result as a CSV file (`result.exportCsv`). */
  exportResultCsv(resultId: string): Promise<DownloadedFile> {
    return this.download("result.exportCsv", { resultId });
  }

  /** Whether files chosen in the page can be sent to the service: every transport can. */
  canUploadDataFiles(): boolean {
    return true;
  }

  /** Puts a file chosen in the page into the notebook's `data/` folder; throws ServiceCallError. */
  uploadDataFile({ file, name, replace, ...options }: DataFileUploadRequest): Promise<DataFileUpload> {
    // The size goes first, so a file over the cap or clashing with another is refused before it is sent.
    const params = { name, bytes: file.size, ...(replace ? { replace: true } : {}) };
    return this.upload("dataFile.upload", params, file, options);
  }

  /** Whether the host can build the HTML dashboard: every transport can. */
  canExportDashboard(): boolean {
    return true;
  }

  /** The notebook's charts as one self-contained HTML file; throws ServiceCallError. */
  async exportDashboard(): Promise<DashboardFile> {
    const { blob, fileName } = await this.download("dashboard.export", {});
    return { html: blob, fileName };
  }

  onEvent(listener: (event: ServiceEvent) => void): () => void {
    return this.transport.onEvent((raw) => {
      const parsed = ServiceEventSchema.safeParse(raw);
      if (parsed.success) listener(parsed.data);
    });
  }
}

/**
 * The one place the transport is chosen: the desktop shell's preload exposes `window.lakebook`
 * (IPC); in a browser the page was opened with `?token=` by `lakebook serve` (HTTP).
 */
export function resolveTransport(win: Window): Transport {
  const desktop = desktopApi(win);
  if (desktop) return ipcTransport(desktop);
  const token = new URL(win.location.href).searchParams.get("token") ?? "";
  return httpTransport({ baseUrl: win.location.origin, token });
}
