import type { TransformOutput } from "../../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../../i18n";
import { TableBadges } from "../../ui/catalog-table/TableBadges";
import { formatName } from "./table-description";

/** "trusted.movies → Trusted/Local/Parquet/movies/ · 9,575 rows · Parquet, partitioned by dt", then badges. */
export function TransformHeadline({ output }: { output: TransformOutput }) {
  const t = useT();
  const locale = useLocale();
  const { table } = output;
  const rows =
    table.rows === null
      ? t("transform.rowsUnknown")
      : t("transform.rows", { count: formatNumber(locale, table.rows) });
  const keys = (table.partitionKeys ?? []).map((key) => key.name);
  const format = keys.length
    ? t("transform.partitionedBy", { format: formatName(table.format), keys: keys.join(", ") })
    : formatName(table.format);
  return (
    <>
      <h3 className="transform-title">
        <code>
          {table.database}.{table.name}
        </code>{" "}
        → <code>{table.location}</code> · {rows} · {format}
      </h3>
      <p className="transform-badges">
        <TableBadges table={table} />
        <span className="catalog-badge" data-engine={output.engine}>
          <span className="sr-only">{t("transform.engine")}: </span>
          {t(`transform.engine.${output.engine}`)}
        </span>
      </p>
    </>
  );
}
