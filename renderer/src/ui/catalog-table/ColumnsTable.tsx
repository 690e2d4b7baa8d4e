import type { ReactNode } from "react";
import type { CatalogTable } from "../../../../pipeline/contract";
import { hiveType } from "../../../../pipeline/contract/glue-types";
import { useT } from "../../i18n";
import { breakableName } from "./breakable-name";
import { type ColumnKeys, columnsWithKeys } from "./column-keys";
import { TableName, type TableOpener } from "./TableName";
import "./catalog-table.css";

/** A catalog table's columns with their types and keys: primary, partition, `→ refined.dim_title.title_key`. */
export function ColumnsTable({ table, open }: { table: CatalogTable; open?: TableOpener | undefined }) {
  const t = useT();
  const columns = columnsWithKeys(table);
  const anyKeys = columns.some(({ keys }) => keys.primary || keys.partition || keys.references.length > 0);
  return (
    <table className="schema catalog-columns">
      <caption className="sr-only">
        {t("catalog.columnsCaption", { table: `${table.database}.${table.name}` })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("table.column")}</th>
          <th scope="col">{t("table.type")}</th>
          {anyKeys && <th scope="col">{t("catalog.key")}</th>}
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column.name}>
            <th scope="row">
              <code>{breakableName(column.name)}</code>
            </th>
            <td>
              {/* Spark/Glue's spelling (what AWS shows); DuckDB's own on hover. */}
              <code title={column.type}>{hiveType(column.type)}</code>
            </td>
            {anyKeys && <td>{keyMarks(column.keys, open, t)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function keyMarks(keys: ColumnKeys, open: TableOpener | undefined, t: ReturnType<typeof useT>): ReactNode {
  const marks: ReactNode[] = [];
  if (keys.primary) marks.push(<span key="pk">{t("catalog.primaryKey")}</span>);
  if (keys.partition) marks.push(<span key="partition">{t("catalog.partitionKey")}</span>);
  for (const ref of keys.references) {
    marks.push(
      <span key={`${ref.table}.${ref.column}`} className="catalog-reference">
        {/* The arrow is drawn; a screen reader hears the word instead. */}
        <span aria-hidden="true">→ </span>
        <span className="sr-only">{t("catalog.references")} </span>
        <TableName name={ref.table} open={open} />.<code>{breakableName(ref.column)}</code>
      </span>,
    );
  }
  return <span className="catalog-keys">{marks}</span>;
}
