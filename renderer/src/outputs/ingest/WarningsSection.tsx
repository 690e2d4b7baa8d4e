import type { IngestedFile } from "../../../../pipeline/contract";
import { ingestWarningText, useLocale, useT } from "../../i18n";
import { formatCount } from "./format";

/** Every oddity the validator found: the total, the counts per code, the capped list with line numbers. */
export function WarningsSection({ file }: { file: IngestedFile }) {
  const t = useT();
  const locale = useLocale();
  if (file.warningCount === 0) return <p className="ingest-no-warnings">{t("ingest.noWarnings")}</p>;
  const hidden = file.warningCount - file.warnings.length;
  const byCode = Object.entries(file.warningCounts).filter(([, count]) => (count ?? 0) > 0);
  return (
    <details className="ingest-section ingest-warnings" open>
      <summary>{t("ingest.warnings", { count: formatCount(locale, file.warningCount) })}</summary>
      {byCode.length > 0 && (
        <p className="ingest-warning-codes">
          {t("ingest.warningsByCode")}:{" "}
          {byCode.map(([code, count], index) => (
            <span key={code}>
              {index > 0 && ", "}
              <code>{code}</code> {formatCount(locale, count ?? 0)}
            </span>
          ))}
        </p>
      )}
      <div className="output-scroll ingest-scroll ingest-warning-list">
        {/* biome-ignore lint/a11y/noRedundantRoles lint/a11y/noNoninteractiveTabindex: role="table" is redundant for screen readers but the notebook shortcuts keep arrows off [role=table]; tabIndex lets the keyboard scroll it */}
        <table role="table" tabIndex={0}>
          <caption className="sr-only">{t("ingest.warningsCaption", { file: file.file })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("ingest.warningLine")}</th>
              <th scope="col">{t("ingest.warningCode")}</th>
              <th scope="col">{t("ingest.warningMessage")}</th>
            </tr>
          </thead>
          <tbody>
            {file.warnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one line can carry the same code twice; the list never reorders, so its place completes the key
              <tr key={`${warning.line}-${warning.code}-${index}`}>
                <td className="num">{formatCount(locale, warning.line)}</td>
                <td>
                  <code>{warning.code}</code>
                </td>
                <td>
                  {ingestWarningText(locale, warning.code, warning.message)}
                  {/* The English detail keeps the specifics (counts, the value found). */}
                  {ingestWarningText(locale, warning.code, warning.message) !== warning.message ? (
                    <span lang="en"> ({warning.message})</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && (
        <p className="ingest-warnings-more">
          {t("ingest.warningsMore", { count: formatCount(locale, hidden) })}
        </p>
      )}
    </details>
  );
}
