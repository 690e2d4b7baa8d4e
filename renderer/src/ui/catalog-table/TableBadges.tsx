import type { CatalogTable } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import "./catalog-table.css";

/** The zone (RAW / TRUSTED / REFINED) and, in the model, the role: fact, dimension or bridge. */
export function TableBadges({ table }: { table: Pick<CatalogTable, "zone" | "role"> }) {
  const t = useT();
  return (
    <>
      <span className="catalog-badge" data-zone={table.zone}>
        {/* Said, not only seen: a badge alone would read as a bare word. */}
        <span className="sr-only">{t("catalog.zone")}: </span>
        {table.zone.toUpperCase()}
      </span>
      {table.role && (
        <span className="catalog-badge" data-role={table.role}>
          <span className="sr-only">{t("catalog.role")}: </span>
          {t(`catalog.role.${table.role}`)}
        </span>
      )}
    </>
  );
}
