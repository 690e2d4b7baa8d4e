import { useT } from "../../i18n";
import type { SourceColumn } from "./field-type";
import type { KpiForm } from "./kpi-spec";

/** The KPI form: which number the card shows and its caption. */
export function KpiFields({
  form,
  columns,
  onChange,
}: {
  form: KpiForm;
  columns: readonly SourceColumn[];
  onChange(form: KpiForm): void;
}) {
  const t = useT();
  return (
    <>
      <div className="chart-builder-row">
        <span className="chart-builder-channel" aria-hidden="true">
          {t("chartBuilder.kpiValue")}
        </span>
        {columns.length > 0 ? (
          <select
            aria-label={t("chartBuilder.kpiValue")}
            value={form.field}
            onChange={(e) => onChange({ ...form, field: e.target.value })}
          >
            <option value="">{t("chartBuilder.noField")}</option>
            {columns.map((column) => (
              <option key={column.name} value={column.name}>
                {column.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label={t("chartBuilder.kpiValue")}
            value={form.field}
            onChange={(e) => onChange({ ...form, field: e.target.value })}
          />
        )}
      </div>
      <label className="chart-builder-row">
        <span className="chart-builder-channel">{t("chartBuilder.kpiTitle")}</span>
        <input value={form.title} onChange={(e) => onChange({ ...form, title: e.target.value })} />
      </label>
    </>
  );
}
