import { createPortal } from "react-dom";
import { useT } from "../../i18n";
import { Dialog } from "../../ui/Dialog";
import type { Dataset } from "./dataset-from-header";
import type { DatasetAnswer } from "./upload-into-cell";
import { datasetWords } from "./use-data-upload";

/**
 * "Is movies.csv Movies or Series?": asked when a chosen or dropped file's header is the other
 * dataset than the cell's `dataset:`, before anything is uploaded or rewritten. Escape, the backdrop
 * and Cancel leave the cell as it was.
 */
export function DatasetQuestion({
  cellId,
  file,
  fileDataset,
  cellDataset,
  onAnswer,
  onCancel,
}: {
  cellId: string;
  file: string;
  fileDataset: Dataset;
  cellDataset: string;
  onAnswer(answer: DatasetAnswer): void;
  onCancel(): void;
}) {
  const t = useT();
  const words = datasetWords(file, fileDataset, cellDataset, t);
  // On the page, not in the cell: the cell's own click and drop handlers stay out of the dialog.
  return createPortal(
    <Dialog id={`dataset-question-${cellId}`} title={t("ingest.datasetQuestion", words)} onClose={onCancel}>
      <p>{t("ingest.datasetQuestionNote", words)}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => onAnswer("keep")}>
          {t("ingest.keepDataset", words)}
        </button>
        <button type="button" className="primary" onClick={() => onAnswer("switch")}>
          {t("ingest.switchDataset", words)}
        </button>
        <button type="button" onClick={onCancel}>
          {t("ingest.cancelDrop")}
        </button>
      </div>
    </Dialog>,
    document.body,
  );
}
