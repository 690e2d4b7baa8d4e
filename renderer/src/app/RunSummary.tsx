import { useEffect } from "react";
import { CellCommandButton } from "../commands/CellCommandButton";
import { CommandButton } from "../commands/CommandButton";
import { useT } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import "./run-summary.css";

/**
 * Run all as the user follows it: "Running 3 of 42", the running cell kept in view, and, when the
 * run stops on an error, a banner that stays (not only a screen-reader message) with the way to
 * the cell that failed.
 */
export function RunSummary() {
  const t = useT();
  const wb = useWorkbench();
  const batch = useStore(wb.runs, (s) => s.batch);
  const current = useStore(wb.runs, (s) => s.current?.cellId ?? null);
  const following = batch?.state === "running" ? current : null;

  useEffect(() => {
    if (!following) return;
    // Cell ids are letters, digits, _ and - (the document says so): safe in a selector as they are.
    const element = document.querySelector(`[data-cell-id="${following}"]`);
    element?.scrollIntoView?.({ block: "nearest" });
  }, [following]);

  if (!batch) return null;
  const counts = { done: batch.done, total: batch.total };
  if (batch.state === "failed" && batch.failed) {
    const { cellId, message } = batch.failed;
    return (
      <div className="run-summary run-summary-failed" role="alert" data-run-summary="failed">
        <p>{t("batch.failed", { ...counts, id: cellId, message })}</p>
        <CellCommandButton
          command="selectCell"
          cellId={cellId}
          label={t("batch.goToCell", { id: cellId })}
          className="primary"
        >
          {t("batch.goToCellShort")}
        </CellCommandButton>
        <CommandButton id="dismissRunSummary" />
      </div>
    );
  }
  const text =
    batch.state === "running"
      ? current
        ? t("batch.running", { done: batch.done + 1, total: batch.total, id: current })
        : t("batch.runningIdle", counts)
      : t(batch.state === "done" ? "batch.done" : "batch.cancelled", counts);
  return (
    <div className={`run-summary run-summary-${batch.state}`} data-run-summary={batch.state}>
      <div role="status" aria-label={t("batch.label")}>
        <progress max={batch.total} value={batch.done} aria-label={t("batch.label")} />
        <span>{text}</span>
      </div>
      {batch.state !== "running" && <CommandButton id="dismissRunSummary" />}
    </div>
  );
}
