import { useT } from "../../i18n";
import { ScriptSection } from "../ScriptSection";

/** The statement whose rows the chart drew, folded: for checking what the engine did. */
export function ChartSql({ cellId, sql }: { cellId: string; sql: string }) {
  const t = useT();
  return (
    <ScriptSection
      className="chart-sql"
      caption={t("chart.sql")}
      script={sql}
      copyLabel={t("chart.copySql", { id: cellId })}
    />
  );
}
