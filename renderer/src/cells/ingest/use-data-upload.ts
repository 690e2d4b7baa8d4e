import { useCallback, useEffect, useRef, useState } from "react";
import type { DataFileUpload, ServiceError } from "../../../../pipeline/contract";
import { formatBytes, localeStore, t as translateNow } from "../../i18n";
import { ServiceCallError } from "../../service/transport";
import { announce } from "../../state/announcer";
import { useWorkbench } from "../../state/workbench-context";
import type { Dataset } from "./dataset-from-header";
import { type DatasetAnswer, uploadIntoCell } from "./upload-into-cell";

export type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; name: string; sent: number; total: number }
  /** The file's header is the other dataset than the cell's: keep the cell's, switch, or cancel. */
  | { phase: "askDataset"; file: File; fileDataset: Dataset; cellDataset: string }
  | {
      phase: "confirm";
      file: File;
      path: string;
      dataset: Dataset | undefined;
      datasetAnswer: DatasetAnswer | undefined;
    }
  | { phase: "done"; upload: DataFileUpload; dataset: Dataset | undefined }
  | { phase: "failed"; name: string; error: ServiceError }
  | { phase: "cancelled"; name: string };

/** The upload of a file chosen for one ingest cell: progress, the replace question, the outcome. */
export function useDataUpload(cellId: string) {
  const wb = useWorkbench();
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const send = useCallback(
    async (file: File, replace: boolean, dataset?: Dataset, datasetAnswer?: DatasetAnswer) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setState({ phase: "uploading", name: file.name, sent: 0, total: file.size });
      try {
        const outcome = await uploadIntoCell(wb, cellId, file, {
          replace,
          dataset,
          datasetAnswer,
          signal: controller.signal,
          onProgress: (sent, total) => {
            if (!controller.signal.aborted) setState({ phase: "uploading", name: file.name, sent, total });
          },
        });
        if (outcome.kind === "askDataset") {
          const { fileDataset, cellDataset } = outcome;
          setState({ phase: "askDataset", file, fileDataset, cellDataset });
          announce(translateNow("ingest.datasetQuestion", datasetWords(file.name, fileDataset, cellDataset)));
          return;
        }
        if (outcome.kind === "exists") {
          setState({
            phase: "confirm",
            file,
            path: outcome.path,
            dataset: outcome.dataset,
            datasetAnswer,
          });
          announce(translateNow("ingest.replaceQuestion", { path: outcome.path }));
          return;
        }
        setState({ phase: "done", upload: outcome.upload, dataset: outcome.dataset });
        announce(doneMessage(outcome.upload));
      } catch (error) {
        if (error instanceof ServiceCallError && error.code === "CANCELLED") {
          setState({ phase: "cancelled", name: file.name });
          announce(translateNow("ingest.uploadCancelled", { name: file.name }));
          return;
        }
        const failure: ServiceError =
          error instanceof ServiceCallError
            ? {
                code: error.code,
                message: error.message,
                retryable: error.retryable,
                ...(error.hint ? { hint: error.hint } : {}),
              }
            : { code: "INTERNAL", message: (error as Error).message || String(error), retryable: false };
        setState({ phase: "failed", name: file.name, error: failure });
        announce(translateNow("ingest.uploadFailed", { name: file.name, message: failure.message }));
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [wb, cellId],
  );

  return {
    state,
    canUpload: wb.client.canUploadDataFiles(),
    choose: (file: File) => void send(file, false),
    replace: () => {
      if (state.phase === "confirm") void send(state.file, true, state.dataset, state.datasetAnswer);
    },
    /** The answer to "Is this file movies or series?": nothing was sent before it. */
    answerDataset: (answer: DatasetAnswer) => {
      if (state.phase === "askDataset") void send(state.file, false, state.fileDataset, answer);
    },
    cancel: () => running.current?.abort(),
    dismiss: () => setState({ phase: "idle" }),
  };
}

/** The question's words: the file's name, and both datasets as the UI names them. */
export function datasetWords(
  file: string,
  fileDataset: Dataset,
  cellDataset: string,
  t: (key: "ingest.dataset.movies" | "ingest.dataset.series") => string = translateNow,
) {
  const name = (dataset: string) =>
    dataset === "movies" || dataset === "series" ? t(`ingest.dataset.${dataset}`) : dataset;
  return { file, fileDataset: name(fileDataset), cellDataset: name(cellDataset), cellValue: cellDataset };
}

function doneMessage(upload: DataFileUpload): string {
  const size = formatBytes(localeStore.get(), upload.bytes);
  return upload.unchanged
    ? translateNow("ingest.unchanged", { path: upload.path })
    : translateNow("ingest.uploaded", { path: upload.path, size });
}
