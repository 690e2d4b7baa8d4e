import { useMemo, useState } from "react";
import { attr, type Cell } from "../../../../pipeline/document";
import { type MessageKey, useT } from "../../i18n";
import { cellById } from "../../state/document-store";
import { useWorkbench } from "../../state/workbench-context";
import { ChannelRow } from "./ChannelRow";
import { CHART_MARKS, type ChartForm, type ChartMark, SORT_ORDERS, withMark } from "./chart-form";
import { formFromSpec } from "./form-from-spec";
import { KpiFields } from "./KpiFields";
import { kpiFromSpec, specFromKpi } from "./kpi-spec";
import { SourcePicker } from "./SourcePicker";
import { specFromForm } from "./spec-from-form";
import { useSourceColumns } from "./use-source-columns";
import { parseSpec, type Spec, specText } from "./vega-spec";
import "./chart-builder.css";

/**
 * A small form over a chart cell's Vega-Lite spec: mark, x, y, colour, facet, aggregates, sort.
 * It reads the spec back from the source whenever that is a JSON object, and writes through the
 * same `editSource` as typing (journal, autosave, the editor's undo), touching only what changed.
 */
export function ChartBuilder({ cell }: { cell: Cell }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="chart-builder"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t("chartBuilder.title")}</summary>
      {/* Drawn only when open: seven charts need not carry seven forms. */}
      {open && <BuilderForm cell={cell} />}
    </details>
  );
}

function BuilderForm({ cell }: { cell: Cell }) {
  const t = useT();
  const wb = useWorkbench();
  const { id } = cell;
  const spec = useMemo(() => parseSpec(cell.source), [cell.source]);
  const { name: sourceName, columns } = useSourceColumns(cell);
  const isKpi = attr(cell, "kpi") !== undefined;
  if (!spec)
    return (
      <fieldset className="chart-builder-form" aria-label={t("chartBuilder.label", { id })}>
        <SourcePicker cell={cell} />
        <p className="chart-builder-note">{t("chartBuilder.invalid")}</p>
      </fieldset>
    );
  const form = formFromSpec(spec);
  const editSpec = (update: (current: Spec) => Spec) => {
    const current = parseSpec(cellById(wb.doc.get().notebook.cells, id)?.source ?? "");
    if (!current) return;
    const updated = update(current);
    if (JSON.stringify(updated) !== JSON.stringify(current))
      wb.doc.dispatch({ type: "editSource", id, source: specText(updated) });
  };
  // A KPI card is a flag on the cell (the exported dashboard draws it as a card) and a text mark.
  const setKpi = (on: boolean) => {
    const attrs = cell.attrs.filter((a) => a.key !== "kpi");
    wb.doc.dispatch({ type: "editAttrs", id, attrs: on ? [...attrs, { key: "kpi" }] : attrs });
    if (on) {
      const numeric = columns.find((c) => /INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL/i.test(c.type));
      editSpec((current) => {
        const kpi = kpiFromSpec(current);
        return specFromKpi(current, { ...kpi, field: kpi.field || form.y.field || numeric?.name || "" });
      });
    }
  };

  const write = (next: ChartForm) => {
    // The source as it is now, not as this render saw it: the user may have typed since.
    const current = parseSpec(cellById(wb.doc.get().notebook.cells, id)?.source ?? "");
    if (!current) return;
    const updated = specFromForm(current, next, columns);
    if (JSON.stringify(updated) === JSON.stringify(current)) return;
    wb.doc.dispatch({ type: "editSource", id, source: specText(updated) });
  };

  return (
    <fieldset className="chart-builder-form" aria-label={t("chartBuilder.label", { id })}>
      <SourcePicker cell={cell} />
      <label className="chart-builder-row">
        <input type="checkbox" checked={isKpi} onChange={(e) => setKpi(e.target.checked)} />
        <span>{t("chartBuilder.kpi")}</span>
      </label>
      {isKpi ? (
        <KpiFields
          form={kpiFromSpec(spec)}
          columns={columns}
          onChange={(kpi) => editSpec((current) => specFromKpi(current, kpi))}
        />
      ) : (
        <ChartFields form={form} columns={columns} write={write} />
      )}
      {columns.length === 0 && sourceName && (
        <p className="chart-builder-note">{t("chartBuilder.noColumns", { source: sourceName })}</p>
      )}
    </fieldset>
  );
}

/** Mark, channels and sort: the form for every chart but a KPI card. */
function ChartFields({
  form,
  columns,
  write,
}: {
  form: ChartForm;
  columns: ReturnType<typeof useSourceColumns>["columns"];
  write(next: ChartForm): void;
}) {
  const t = useT();
  const marks: readonly ChartMark[] = (CHART_MARKS as readonly string[]).includes(form.mark)
    ? CHART_MARKS
    : [form.mark, ...CHART_MARKS];
  const isArc = form.mark === "arc";
  return (
    <>
      <label className="chart-builder-row">
        <span className="chart-builder-channel">{t("chartBuilder.mark")}</span>
        <select value={form.mark} onChange={(e) => write(withMark(form, e.target.value))}>
          {marks.map((mark) => (
            <option key={mark} value={mark}>
              {(CHART_MARKS as readonly string[]).includes(mark)
                ? t(`chartBuilder.mark.${mark}` as MessageKey)
                : t("chartBuilder.asWritten", { value: mark || "—" })}
            </option>
          ))}
        </select>
      </label>
      {isArc && <p className="chart-builder-note">{t("chartBuilder.arcNote")}</p>}
      {(["x", "y", "color", "facet"] as const)
        .filter((channel) => !(isArc && channel === "x"))
        .map((channel) => (
          <ChannelRow
            key={channel}
            channel={channel}
            value={form[channel]}
            columns={columns}
            onChange={(value) => write({ ...form, [channel]: value })}
          />
        ))}
      {!isArc && (
        <label className="chart-builder-row">
          <span className="chart-builder-channel">{t("chartBuilder.sort")}</span>
          <select
            value={form.sort}
            onChange={(e) => write({ ...form, sort: e.target.value as ChartForm["sort"] })}
          >
            {[...SORT_ORDERS, ...(form.sort === "as-written" ? ["as-written" as const] : [])].map((sort) => (
              <option key={sort} value={sort}>
                {t(`chartBuilder.sort.${sort}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
