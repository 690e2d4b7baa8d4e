import { CellCommandButton } from "../../commands/CellCommandButton";
import { useT } from "../../i18n";
import { useStore } from "../../state/store";
import { useWorkbench } from "../../state/workbench-context";
import { writerCell } from "./writer-cell";

/** "Go to the cell that builds refined.dim_genre": the fix usually belongs there, not in the check. */
export function WriterLink({ checkCellId, table }: { checkCellId: string; table: string }) {
  const t = useT();
  const wb = useWorkbench();
  const writer = useStore(wb.runs, (s) => writerCell(s.dependencies, table, checkCellId));
  if (!writer) return <span className="checks-muted">{t("checks.noWriter", { table })}</span>;
  const label = t("checks.goToWriter", { table });
  return (
    <CellCommandButton command="selectCell" cellId={writer} label={label} className="link-button">
      {label}
    </CellCommandButton>
  );
}
