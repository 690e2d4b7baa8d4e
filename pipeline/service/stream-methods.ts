import type { z } from "zod";
import type { DownloadMethodName, streamMethods, UploadMethodName } from "../contract";
import { receiveDataFile } from "./data-upload";
import { exportDashboardHtml } from "./export-dashboard";
import { type Download, resultCsv } from "./result-export";
import type { Workspace } from "./workspace";

type Params<M extends keyof typeof streamMethods> = z.output<(typeof streamMethods)[M]["params"]>;

export type DownloadHandlers = {
  [M in DownloadMethodName]: (params: Params<M>, signal?: AbortSignal) => Promise<Download>;
};
export type UploadHandlers = {
  [M in UploadMethodName]: (
    params: Params<M>,
    body: AsyncIterable<Uint8Array>,
    signal?: AbortSignal,
  ) => Promise<z.input<(typeof streamMethods)[M]["result"]>>;
};

export interface StreamMethodOptions {
  /** The largest file `dataFile.upload` accepts (default 4 GiB). */
  maxUploadBytes?: number | undefined;
}

/**
 * The stream methods of the contract (`streamMethods`), on one workspace. Params arrive validated
 * by the dispatcher; a transport turns the bytes into HTTP bodies or IPC chunks.
 */
export function streamHandlers(
  workspace: Pick<Workspace, "engine" | "notebook" | "notebookPath">,
  options: StreamMethodOptions = {},
): { download: DownloadHandlers; upload: UploadHandlers } {
  return {
    download: {
      "result.exportCsv": ({ resultId }) => resultCsv(workspace.engine, resultId),
      "dashboard.export": async (_params, signal) => {
        // Built whole before answering, so a failed chart is an error reply the UI can show.
        const { html, fileName } = await exportDashboardHtml(workspace, signal ? { signal } : {});
        return htmlDownload(html, fileName);
      },
    },
    upload: {
      "dataFile.upload": (params, body) =>
        receiveDataFile(body, params, {
          notebookPath: workspace.notebookPath,
          maxBytes: options.maxUploadBytes,
        }),
    },
  };
}

/** An HTML page already built in memory, as a download of one chunk. */
export function htmlDownload(html: string, fileName: string): Download {
  async function* once(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode(html);
  }
  return { head: { fileName, contentType: "text/html; charset=utf-8" }, body: once() };
}
