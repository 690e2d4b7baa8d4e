import { type ReactNode, useEffect, useRef } from "react";
import { DatasetQuestion } from "./DatasetQuestion";
import { IngestFileBar } from "./IngestFileBar";
import "./ingest-source.css";
import { useDataUpload } from "./use-data-upload";

const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes("Files");

/**
 * An ingest cell's settings with a way to pick the CSV: the "Choose CSV file" button, or a file
 * dropped anywhere on the cell. Where the page cannot send files (no HTTP host), just the settings.
 */
export function IngestSource({ cellId, children }: { cellId: string; children: ReactNode }) {
  const upload = useDataUpload(cellId);
  const anchor = useRef<HTMLDivElement>(null);
  const choose = useRef(upload.choose);
  choose.current = upload.choose;

  // The whole cell takes the drop (its output too): a file dropped beside the settings would
  // otherwise make the browser leave the workbench to show the CSV.
  useEffect(() => {
    const target = anchor.current?.closest<HTMLElement>("[data-cell-id]") ?? anchor.current;
    if (!target || !upload.canUpload) return;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
      target.dataset.dropTarget = "true";
    };
    const leave = (event: DragEvent) => {
      if (!target.contains(event.relatedTarget as Node | null)) delete target.dataset.dropTarget;
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      delete target.dataset.dropTarget;
      const file = event.dataTransfer?.files[0];
      if (file) choose.current(file);
    };
    target.addEventListener("dragover", over);
    target.addEventListener("dragleave", leave);
    target.addEventListener("drop", drop);
    return () => {
      target.removeEventListener("dragover", over);
      target.removeEventListener("dragleave", leave);
      target.removeEventListener("drop", drop);
      delete target.dataset.dropTarget;
    };
  }, [upload.canUpload]);

  if (!upload.canUpload) return children;
  return (
    <div ref={anchor} className="ingest-source">
      {children}
      <IngestFileBar
        cellId={cellId}
        state={upload.state}
        onChoose={upload.choose}
        onReplace={upload.replace}
        onCancel={upload.cancel}
        onDismiss={upload.dismiss}
      />
      {upload.state.phase === "askDataset" && (
        <DatasetQuestion
          cellId={cellId}
          file={upload.state.file.name}
          fileDataset={upload.state.fileDataset}
          cellDataset={upload.state.cellDataset}
          onAnswer={upload.answerDataset}
          onCancel={upload.dismiss}
        />
      )}
    </div>
  );
}
