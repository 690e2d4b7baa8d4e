import { useT } from "../../i18n";
import { CopyButton } from "../CopyButton";

/** The statement whose rows the chart drew, folded: for checking what the engine did. */
export function ChartSql({ cellId, sql }: { cellId: string; sql: string }) {
  const t = useT();
  return (
    <details className="chart-sql">
      <summary>{t("chart.sql")}</summary>
      <div className="chart-sql-actions">
        <CopyButton text={sql} label={t("chart.copySql", { id: cellId })} />
      </div>
      <pre>
        <code>{sql}</code>
      </pre>
    </details>
  );
}
