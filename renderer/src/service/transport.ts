import type { MethodName, ServiceEvent } from "../../../pipeline/contract";

/** How the UI reaches the service. It never knows which one it has: see `resolveTransport`. */
export interface Transport {
  call(method: MethodName, params: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  /** Resolves once events flow: a run started after this cannot miss its first event. */
  whenConnected(): Promise<void>;
  close(): void;
  /** Where a query result downloads as CSV (`GET /results/<id>.csv`); absent when the host cannot serve it. */
  resultCsvUrl?(resultId: string): string;
  /**
   * Sends a file chosen in the page to the notebook's `data/` folder (`PUT /data/<name>`); absent
   * when the host cannot receive one. Resolves with the service's answer, still to be validated.
   */
  uploadDataFile?(upload: DataFileUploadRequest): Promise<unknown>;
  /**
   * The notebook's charts as the self-contained HTML `lakebook export --html` writes
   * (`GET /dashboard.html`); absent when the host cannot serve it. Throws ServiceCallError.
   */
  dashboardHtml?(): Promise<DashboardFile>;
}

export interface DashboardFile {
  html: Blob;
  fileName: string;
}

export interface DataFileUploadRequest {
  file: Blob;
  /** The plain file name it gets in `data/`. */
  name: string;
  /** Overwrite a file of that name with other content (otherwise DATA_FILE_EXISTS). */
  replace?: boolean;
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
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

export type EventListener = (event: ServiceEvent) => void;
