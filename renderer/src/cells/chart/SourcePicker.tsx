import type { Cell, CellAttribute } from "../../../../pipeline/document";
import { attr } from "../../../../pipeline/document";
import { useT } from "../../i18n";
import { sameItems, useStore } from "../../state/store";
import { useWorkbench } from "../../state/workbench-context";

/** The info string's attributes with `source=`/`table=` replaced by the one picked ("" = none). */
export function withSource(attrs: readonly CellAttribute[], picked: string): CellAttribute[] {
  const rest = attrs.filter((a) => a.key !== "source" && a.key !== "table");
  if (picked.startsWith("cell:")) return [{ key: "source", value: picked.slice(5) }, ...rest];
  if (picked.startsWith("table:")) return [{ key: "table", value: picked.slice(6) }, ...rest];
  return rest;
}

/**
 * Where the chart's rows come from: a SQL cell's result or a lake table, picked from a list, so no
 * one has to know that `source=` lives on the cell's first line (the line the UI does not show).
 */
export function SourcePicker({ cell }: { cell: Cell }) {
  const t = useT();
  const wb = useWorkbench();
  const sqlCells = useStore(
    wb.doc,
    (s) => s.notebook.cells.filter((c) => c.kind === "sql").map((c) => c.id),
    sameItems,
  );
  const tables = useStore(
    wb.catalog,
    (s) => s.tables.map((table) => `${table.database}.${table.name}`),
    sameItems,
  );
  const source = attr(cell, "source");
  const table = attr(cell, "table");
  const value = source ? `cell:${source}` : table ? `table:${table}` : "";
  const known = value === "" || sqlCells.includes(source ?? "") || tables.includes(table ?? "");
  return (
    <label className="chart-builder-row">
      <span className="chart-builder-channel">{t("chartBuilder.source")}</span>
      <select
        value={value}
        onChange={(e) =>
          wb.doc.dispatch({ type: "editAttrs", id: cell.id, attrs: withSource(cell.attrs, e.target.value) })
        }
      >
        <option value="">{t("chartBuilder.sourceNone")}</option>
        {!known && (
          <option value={value}>{t("chartBuilder.asWritten", { value: source ?? table ?? "" })}</option>
        )}
        <optgroup label={t("chartBuilder.sourceCells")}>
          {sqlCells.map((id) => (
            <option key={id} value={`cell:${id}`}>
              {id}
            </option>
          ))}
        </optgroup>
        {tables.length > 0 && (
          <optgroup label={t("chartBuilder.sourceTables")}>
            {tables.map((name) => (
              <option key={name} value={`table:${name}`}>
                {name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
