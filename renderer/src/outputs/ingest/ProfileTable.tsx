import type { IngestedFile } from "../../../../pipeline/contract";
import { useLocale, useT } from "../../i18n";
import { formatCount, formatRatio, valueText } from "./format";

/** Per column, over the whole file (DuckDB): share of nulls, distinct estimate, min, max, top values. */
export function ProfileTable({ file }: { file: IngestedFile }) {
  const t = useT();
  const locale = useLocale();
  if (!file.profile) {
    return <p className="ingest-note">{t("ingest.profileUnavailable", { note: file.profileNote ?? "—" })}</p>;
  }
  return (
    <div className="output-scroll ingest-scroll ingest-profile">
      {/* biome-ignore lint/a11y/noRedundantRoles lint/a11y/noNoninteractiveTabindex: role="table" is redundant for screen readers but the notebook shortcuts keep arrows off [role=table]; tabIndex lets the keyboard scroll it */}
      <table role="table" tabIndex={0}>
        <caption className="sr-only">{t("ingest.profileLabel", { file: file.file })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.column")}</th>
            <th scope="col">{t("table.type")}</th>
            <th scope="col">{t("ingest.nullRatio")}</th>
            <th scope="col">{t("ingest.distinct")}</th>
            <th scope="col">{t("ingest.min")}</th>
            <th scope="col">{t("ingest.max")}</th>
            <th scope="col">{t("ingest.top")}</th>
          </tr>
        </thead>
        <tbody>
          {file.profile.columns.map((column) => (
            <tr key={column.name}>
              <th scope="row">
                <code>{column.name}</code>
              </th>
              <td>{t(`ingest.type.${column.type}`)}</td>
              <td className="num">{formatRatio(locale, column.nullRatio)}</td>
              <td className="num">{formatCount(locale, column.distinct)}</td>
              <td className={column.min === null ? "table-null" : undefined}>{valueText(column.min)}</td>
              <td className={column.max === null ? "table-null" : undefined}>{valueText(column.max)}</td>
              <td className="ingest-top-cell">
                <ul className="ingest-top">
                  {column.top.map((top) => (
                    <li key={top.value}>
                      {top.value} <span className="ingest-top-count">({formatCount(locale, top.count)})</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
