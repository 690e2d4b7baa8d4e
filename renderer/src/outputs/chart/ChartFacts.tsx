import type { ChartOutput } from "../../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../../i18n";

/** How much data reached the chart: aggregated in the engine, or rows sent (maybe cut), and why. */
export function ChartFacts({ output }: { output: ChartOutput }) {
  const t = useT();
  const locale = useLocale();
  const counts = {
    source: formatNumber(locale, output.sourceRows),
    sent: formatNumber(locale, output.sentRows),
  };
  return (
    <>
      <p className="chart-rows" data-pushed-down={output.pushedDown}>
        {t(output.pushedDown ? "chart.pushedDown" : "chart.sent", counts)}
      </p>
      {output.warnings.length > 0 && (
        <details className="chart-warnings" open>
          <summary>{t("chart.warnings", { count: formatNumber(locale, output.warnings.length) })}</summary>
          <ul>
            {output.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
