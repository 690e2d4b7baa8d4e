import { DATA_FILE_EXISTS, type DataFileUpload } from "../../../../pipeline/contract";
import { ServiceCallError } from "../../service/transport";
import { cellById } from "../../state/document-store";
import type { Workbench } from "../../state/workbench";
import { type Dataset, datasetOfFile } from "./dataset-from-header";
import { setIngestFile } from "./ingest-settings-edit";

export type UploadOutcome =
  | { kind: "uploaded"; upload: DataFileUpload; dataset: Dataset | undefined }
  /** A different file of that name is in `data/`: ask before sending again with `replace`. */
  | { kind: "exists"; path: string; dataset: Dataset | undefined };

export interface UploadIntoCellOptions {
  replace?: boolean;
  /** Already read from the header (when asking again after DATA_FILE_EXISTS). */
  dataset?: Dataset | undefined;
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * A file chosen for an ingest cell: its header names the dataset, the bytes go to the notebook's
 * `data/` folder, then the cell's YAML names `data/<file>` (and the dataset, when the header told).
 * Other failures throw the service's ServiceCallError.
 */
export async function uploadIntoCell(
  wb: Pick<Workbench, "client" | "doc">,
  cellId: string,
  file: File,
  options: UploadIntoCellOptions = {},
): Promise<UploadOutcome> {
  const dataset = options.dataset ?? (await datasetOfFile(file));
  let upload: DataFileUpload;
  try {
    upload = await wb.client.uploadDataFile({
      file,
      name: file.name,
      ...(options.replace ? { replace: true } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof ServiceCallError && error.code === DATA_FILE_EXISTS) {
      return { kind: "exists", path: `data/${file.name}`, dataset };
    }
    throw error;
  }
  // Read the source now, not when the upload began: the user may have typed in the meantime.
  const cell = cellById(wb.doc.get().notebook.cells, cellId);
  if (cell) {
    const source = setIngestFile(cell.source, { file: upload.path, dataset });
    if (source !== cell.source) wb.doc.dispatch({ type: "editSource", id: cellId, source });
  }
  return { kind: "uploaded", upload, dataset };
}
