import type { ChecksOutput } from "../../../../pipeline/contract";
import { useLocale, useT } from "../../i18n";
import { checkEvidence, checkWords } from "./check-words";
import { FailingRows } from "./FailingRows";
import { WriterLink } from "./WriterLink";

type CheckedTableData = ChecksOutput["tables"][number];

const MARKS = { pass: "✓", fail: "✗", error: "!" } as const;

/** One checked table: its checks with result and evidence, the failing rows, the cell that builds it. */
export function CheckedTable({ cellId, table }: { cellId: string; table: CheckedTableData }) {
  const t = useT();
  const locale = useLocale();
  const failing = table.checks.filter((check) => check.samples.rows.length > 0);
  return (
    <section className="checks-table" data-table={table.table}>
      <div className="checks-table-head">
        <h4 className="checks-table-name">
          <code>{table.table}</code>
        </h4>
        <WriterLink checkCellId={cellId} table={table.table} />
      </div>
      <div className="output-scroll">
        <table>
          <caption className="sr-only">{t("checks.tableCaption", { table: table.table })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("checks.column.check")}</th>
              <th scope="col">{t("checks.column.result")}</th>
              <th scope="col">{t("checks.column.evidence")}</th>
            </tr>
          </thead>
          <tbody>
            {table.checks.map((check, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a check has no id but its place in the cell, which a run never reorders
              <tr key={index} data-check-status={check.status}>
                <td>{checkWords(t, locale, check)}</td>
                <td className={`checks-result checks-result-${check.status}`}>
                  {/* The mark and the word say it; the colour only repeats it. */}
                  <span aria-hidden="true">{MARKS[check.status]} </span>
                  {t(`checks.result.${check.status}`)}
                </td>
                <td>{checkEvidence(t, locale, check)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failing.map((check, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: as above, the check's place is its identity
        <FailingRows key={index} table={table.table} check={check} words={checkWords(t, locale, check)} />
      ))}
    </section>
  );
}
