import type { FormEvent } from "react";
import { formatNumber, useLocale, useT } from "../../i18n";

interface TableToolbarProps {
  rowCount: number;
  columnCount: number;
  /** Saves the whole result as CSV, streamed by the service (`result.exportCsv`). */
  onExportCsv?: (() => void) | undefined;
  onCopy(): void;
  /** Zero-based row to bring to the top. */
  onGoToRow(row: number): void;
}

/** Above a result: its size, copy as TSV, CSV export (streamed by the service) and "Go to row". */
export function TableToolbar({ rowCount, columnCount, onExportCsv, onCopy, onGoToRow }: TableToolbarProps) {
  const t = useT();
  const locale = useLocale();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = new FormData(event.currentTarget).get("row");
    onGoToRow(Math.max(1, Math.min(rowCount, Number(input) || 1)) - 1);
  };
  return (
    <div className="table-toolbar">
      <span>
        {t("output.rowCount", {
          count: formatNumber(locale, rowCount),
          columns: formatNumber(locale, columnCount),
        })}
      </span>
      <button type="button" onClick={onCopy}>
        {t("output.copy")}
      </button>
      {onExportCsv && (
        <button type="button" onClick={onExportCsv}>
          {t("output.exportCsv")}
        </button>
      )}
      {rowCount > 1 && (
        <form onSubmit={submit} className="table-goto">
          <label>
            {t("output.goToRow")}{" "}
            <input name="row" type="number" min={1} max={rowCount} inputMode="numeric" />
          </label>
        </form>
      )}
    </div>
  );
}
