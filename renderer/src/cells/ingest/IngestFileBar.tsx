import { useEffect, useId, useRef } from "react";
import { formatBytes, useLocale, useT } from "../../i18n";
import type { UploadState } from "./use-data-upload";

interface IngestFileBarProps {
  cellId: string;
  state: UploadState;
  onChoose(file: File): void;
  onReplace(): void;
  onCancel(): void;
  onDismiss(): void;
}

/** Under an ingest cell's settings: choose a CSV file, watch it upload, answer "Replace …?". */
export function IngestFileBar({
  cellId,
  state,
  onChoose,
  onReplace,
  onCancel,
  onDismiss,
}: IngestFileBarProps) {
  const t = useT();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const busy = state.phase === "uploading";
  useEffect(() => {
    if (state.phase === "confirm") replaceButton.current?.focus();
  }, [state.phase]);

  return (
    <div className="ingest-file-bar" data-upload-phase={state.phase}>
      <div className="ingest-file-choose">
        <button
          type="button"
          disabled={busy}
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
        >
          {t("ingest.choose")}
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          hidden
          tabIndex={-1}
          data-testid={`ingest-file-input-${cellId}`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared so choosing the same file again (after replacing it on disk) still reports a change.
            event.currentTarget.value = "";
            if (file) onChoose(file);
          }}
        />
        <span id={hintId} className="ingest-hint">
          {t("ingest.dropHint")}
        </span>
      </div>
      {state.phase === "uploading" && (
        <div className="progress">
          <progress
            aria-label={t("ingest.uploading", { name: state.name })}
            value={state.sent}
            max={Math.max(1, state.total)}
          />
          <span className="progress-text">
            {t("ingest.uploadProgress", {
              sent: formatBytes(locale, state.sent),
              total: formatBytes(locale, state.total),
              percent: new Intl.NumberFormat(locale, { style: "percent" }).format(
                state.total > 0 ? state.sent / state.total : 0,
              ),
            })}
          </span>
          <button type="button" onClick={onCancel}>
            {t("ingest.cancelUpload")}
          </button>
        </div>
      )}
      {state.phase === "confirm" && (
        <fieldset className="ingest-replace" aria-labelledby={`${hintId}-replace`}>
          <p id={`${hintId}-replace`}>
            <strong>{t("ingest.replaceQuestion", { path: state.path })}</strong> {t("ingest.replaceNote")}
          </p>
          <button ref={replaceButton} type="button" className="primary" onClick={onReplace}>
            {t("ingest.replace")}
          </button>
          <button type="button" onClick={onDismiss}>
            {t("ingest.keep")}
          </button>
        </fieldset>
      )}
      {(state.phase === "done" || state.phase === "failed" || state.phase === "cancelled") && (
        <p className={`ingest-upload-note${state.phase === "failed" ? " failed" : ""}`}>
          <span>{noteText(state, t, (bytes) => formatBytes(locale, bytes))}</span>
          {state.phase === "failed" && state.error.hint && <span> {state.error.hint}</span>}{" "}
          <button type="button" className="link-button" onClick={onDismiss}>
            {t("ingest.dismiss")}
          </button>
        </p>
      )}
    </div>
  );
}

function noteText(
  state: Extract<UploadState, { phase: "done" | "failed" | "cancelled" }>,
  t: ReturnType<typeof useT>,
  size: (bytes: number) => string,
): string {
  if (state.phase === "failed")
    return t("ingest.uploadFailed", { name: state.name, message: state.error.message });
  if (state.phase === "cancelled") return t("ingest.uploadCancelled", { name: state.name });
  const { upload, dataset } = state;
  const done = upload.unchanged
    ? t("ingest.unchanged", { path: upload.path })
    : t("ingest.uploaded", { path: upload.path, size: size(upload.bytes) });
  return dataset
    ? `${done} ${t("ingest.datasetFromHeader", { dataset: t(`ingest.dataset.${dataset}`) })}`
    : done;
}
