import { DATA_FILE_EXISTS, type DataFileUpload } from "../../../../pipeline/contract";
import { ServiceCallError } from "../../service/transport";
import { cellById } from "../../state/document-store";
import type { Workbench } from "../../state/workbench";
import { type Dataset, datasetOfFile } from "./dataset-from-header";
import { ingestDatasetOf, setIngestFile } from "./ingest-settings-edit";

/** The user's answer when the file's dataset differs from the cell's: keep the cell's, or switch. */
export type DatasetAnswer = "keep" | "switch";

export type UploadOutcome =
  | { kind: "uploaded"; upload: DataFileUpload; dataset: Dataset | undefined }
  /**
   * The header says one dataset, the cell another (a movies file dropped on the series cell): nothing
   * was sent and nothing changed; ask, then call again with `datasetAnswer`.
   */
  | { kind: "askDataset"; fileDataset: Dataset; cellDataset: string }
  /** A different file of that name is in `data/`: ask before sending again with `replace`. */
  | { kind: "exists"; path: string; dataset: Dataset | undefined };

export interface UploadIntoCellOptions {
  replace?: boolean;
  /** Already read from the header (when asking again after DATA_FILE_EXISTS). */
  dataset?: Dataset | undefined;
  /** Given once the user answered `askDataset`; without it a differing dataset is asked about first. */
  datasetAnswer?: DatasetAnswer | undefined;
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * A file chosen for an ingest cell: its header names the dataset, the bytes go to the notebook's
 * `data/` folder, then the cell's YAML names `data/<file>` (and the dataset, when the header told).
 * A header of the other dataset than the cell's names is asked about before anything is sent.
 * Other failures throw the service's ServiceCallError.
 */
export async function uploadIntoCell(
  wb: Pick<Workbench, "client" | "doc">,
  cellId: string,
  file: File,
  options: UploadIntoCellOptions = {},
): Promise<UploadOutcome> {
  const dataset = options.dataset ?? (await datasetOfFile(file));
  const asked = cellDataset(wb, cellId);
  if (dataset && asked !== undefined && asked !== dataset && !options.datasetAnswer) {
    return { kind: "askDataset", fileDataset: dataset, cellDataset: asked };
  }
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
    const written = options.datasetAnswer === "keep" ? undefined : dataset;
    const source = setIngestFile(cell.source, { file: upload.path, dataset: written });
    if (source !== cell.source) wb.doc.dispatch({ type: "editSource", id: cellId, source });
  }
  return { kind: "uploaded", upload, dataset };
}

function cellDataset(wb: Pick<Workbench, "doc">, cellId: string): string | undefined {
  const cell = cellById(wb.doc.get().notebook.cells, cellId);
  return cell ? ingestDatasetOf(cell.source) : undefined;
}
