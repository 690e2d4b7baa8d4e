import { useMemo } from "react";
import type { ChartOutput as ChartOutputData } from "../../../../pipeline/contract";
import { attr } from "../../../../pipeline/document";
import { useLocale, useT } from "../../i18n";
import { announce } from "../../state/announcer";
import { cellById } from "../../state/document-store";
import { useStore } from "../../state/store";
import { useWorkbench } from "../../state/workbench-context";
import { downloadUrl } from "../../ui/download";
import { ChartFacts } from "./ChartFacts";
import { ChartSql } from "./ChartSql";
import { fitToCell, isKpiSpec, kpiCard } from "./kpi-card";
import { useDrawnChart } from "./use-drawn-chart";
import "./chart.css";

/** `rating_by_subgenre.svg`: the cell id is already a safe file name (ids are `[\w-]`). */
const chartFileName = (cellId: string, type: "png" | "svg") => `${cellId.replace(/[^\w.-]/g, "_")}.${type}`;

/** The `chart` output: the chart itself (Vega-Embed), how many rows fed it, warnings, export, the SQL. */
export function ChartOutput({ cellId, output }: { cellId: string; output: ChartOutputData }) {
  const wb = useWorkbench();
  const flagged = useStore(wb.doc, (s) => {
    const cell = cellById(s.notebook.cells, cellId);
    return cell !== undefined && attr(cell, "kpi") !== undefined;
  });
  if (flagged || isKpiSpec(output.spec)) return <KpiOutput cellId={cellId} output={output} />;
  return <DrawnChartOutput cellId={cellId} output={output} />;
}

/** A KPI as a card, like the exported dashboard's tiles: a caption and one large number. */
function KpiOutput({ cellId, output }: { cellId: string; output: ChartOutputData }) {
  const t = useT();
  const locale = useLocale();
  const { caption, value } = kpiCard(output.spec, locale);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group around a cell's output to read, not form controls, so not a <fieldset>
    <div className="chart-output" role="group" aria-label={t("chart.outputLabel", { id: cellId })}>
      <div className="kpi-card" data-kpi-card={cellId}>
        <span className="kpi-value">{value}</span>
        <span className="kpi-caption">{caption}</span>
      </div>
      <ChartSql cellId={cellId} sql={output.sql} />
    </div>
  );
}

function DrawnChartOutput({ cellId, output }: { cellId: string; output: ChartOutputData }) {
  const t = useT();
  const spec = useMemo(() => fitToCell(output.spec), [output.spec]);
  const { host, chart, state } = useDrawnChart(spec);
  const exportAs = async (type: "png" | "svg") => {
    const drawn = chart.current;
    if (!drawn) return;
    const file = chartFileName(cellId, type);
    try {
      downloadUrl(await drawn.toImageURL(type), file);
      announce(t("chart.exported", { file }));
    } catch (error) {
      announce(t("chart.exportFailed", { message: (error as Error).message }));
    }
  };
  const ready = state.kind === "drawn";
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group around a cell's output to read, not form controls, so not a <fieldset>
    <div className="chart-output" role="group" aria-label={t("chart.outputLabel", { id: cellId })}>
      <ChartFacts output={output} />
      <div className="chart-actions">
        <button
          type="button"
          aria-label={t("chart.exportPngOf", { id: cellId })}
          disabled={!ready}
          onClick={() => void exportAs("png")}
        >
          {t("chart.exportPng")}
        </button>
        <button
          type="button"
          aria-label={t("chart.exportSvgOf", { id: cellId })}
          disabled={!ready}
          onClick={() => void exportAs("svg")}
        >
          {t("chart.exportSvg")}
        </button>
      </div>
      {state.kind === "drawing" && <p className="chart-status">{t("chart.drawing")}</p>}
      {state.kind === "failed" && (
        <p className="chart-status chart-failed" role="alert">
          {t("chart.drawFailed", { message: state.message })}
        </p>
      )}
      {/* Vega owns this element's children; React never renders into it. */}
      <div ref={host} className="chart-view" data-chart-view={state.kind} />
      <ChartSql cellId={cellId} sql={output.sql} />
    </div>
  );
}
