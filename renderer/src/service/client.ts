import {
  type DataFileUpload,
  DataFileUploadSchema,
  type MethodName,
  type MethodParams,
  type MethodResult,
  methods,
  type ServiceEvent,
  ServiceEventSchema,
} from "../../../pipeline/contract";
import { httpTransport } from "./http-transport";
import type { DashboardFile, DataFileUploadRequest, Transport } from "./transport";

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

  eventsConnected(): Promise<void> {
    return this.transport.whenConnected();
  }

  close(): void {
    this.transport.close();
  }

  resultCsvUrl(resultId: string): string | undefined {
    return this.transport.resultCsvUrl?.(resultId);
  }

  /** Whether files chosen in the page can be sent to the service (browser mode over HTTP). */
  canUploadDataFiles(): boolean {
    return this.transport.uploadDataFile !== undefined;
  }

  /** Puts a file chosen in the page into the notebook's `data/` folder; throws ServiceCallError. */
  async uploadDataFile(upload: DataFileUploadRequest): Promise<DataFileUpload> {
    if (!this.transport.uploadDataFile) throw new Error("This host cannot receive files.");
    return DataFileUploadSchema.parse(await this.transport.uploadDataFile(upload));
  }

  /** Whether the host can build the HTML dashboard (browser mode over HTTP; not the desktop shell yet). */
  canExportDashboard(): boolean {
    return this.transport.dashboardHtml !== undefined;
  }

  /** The notebook's charts as one self-contained HTML file; throws ServiceCallError. */
  async exportDashboard(): Promise<DashboardFile> {
    if (!this.transport.dashboardHtml) throw new Error("This host cannot export a dashboard.");
    return this.transport.dashboardHtml();
  }

  onEvent(listener: (event: ServiceEvent) => void): () => void {
    return this.transport.onEvent((raw) => {
      const parsed = ServiceEventSchema.safeParse(raw);
      if (parsed.success) listener(parsed.data);
    });
  }
}

type DesktopBridge = { lakebook?: Transport };

/**
 * The one place the transport is chosen: the desktop shell's preload exposes `window.lakebook`;
 * in a browser the page was opened with `?token=` by `lakebook serve`.
 */
export function resolveTransport(win: Window & DesktopBridge): Transport {
  if (win.lakebook) return win.lakebook;
  const token = new URL(win.location.href).searchParams.get("token") ?? "";
  return httpTransport({ baseUrl: win.location.origin, token });
}
