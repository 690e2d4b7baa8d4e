import { useEffect, useRef } from "react";
import type { CatalogTable } from "../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../i18n";
import { ColumnsTable } from "../ui/catalog-table/ColumnsTable";
import { TableBadges } from "../ui/catalog-table/TableBadges";
import type { TableOpener } from "../ui/catalog-table/TableName";
import { qualifiedName } from "./lake-tree";
import { TableLineage } from "./TableLineage";
import { TableSample } from "./TableSample";

interface TableDetailsProps {
  table: CatalogTable;
  onClose(): void;
  /** Opens another catalog table here (a foreign key's target, a lineage input). */
  open?: TableOpener | undefined;
}

/** A catalog table: zone and role, facts and keys, columns, where it came from, 20 sample rows. */
export function TableDetails({ table, onClose, open }: TableDetailsProps) {
  const t = useT();
  const locale = useLocale();
  const name = qualifiedName(table);
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that opened this table is gone: the heading takes focus so the reader stays in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: name is the trigger: focus moves to the heading when another table opens
  useEffect(() => heading.current?.focus(), [name]);
  const partitions = table.partitionKeys ?? [];
  return (
    <section className="table-details" aria-labelledby="table-details-title">
      <button type="button" className="link-button" onClick={onClose}>
        ← {t("table.close")}
      </button>
      <h3 id="table-details-title" ref={heading} tabIndex={-1}>
        {name}
      </h3>
      <p className="table-badges">
        <TableBadges table={table} />
      </p>
      <dl className="facts">
        <dt>{t("table.rows")}</dt>
        <dd>{table.rows === null ? t("table.rowsUnknown") : formatNumber(locale, table.rows)}</dd>
        <dt>{t("table.format")}</dt>
        <dd>{table.format}</dd>
        <dt>{t("table.location")}</dt>
        <dd>
          <code>{table.location}</code>
        </dd>
        {partitions.length > 0 && (
          <>
            <dt>{t("table.partitions")}</dt>
            <dd>{partitions.map((k) => k.name).join(", ")}</dd>
          </>
        )}
        {table.primaryKey && table.primaryKey.length > 0 && (
          <>
            <dt>{t("catalog.primaryKeyFact")}</dt>
            <dd>{table.primaryKey.join(", ")}</dd>
          </>
        )}
      </dl>
      <h4>{t("table.schema")}</h4>
      <ColumnsTable table={table} open={open} />
      <h4>{t("table.lineage")}</h4>
      <TableLineage table={table} open={open} />
      <h4>{t("table.sample")}</h4>
      <TableSample name={name} />
    </section>
  );
}
