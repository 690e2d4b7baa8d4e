import type { CheckOutcome } from "../../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../../i18n";
import { sampleText } from "./check-words";

/** A failing check's sample rows (at most 5) as a small plain table: no paging needed. */
export function FailingRows({ table, check, words }: { table: string; check: CheckOutcome; words: string }) {
  const t = useT();
  const locale = useLocale();
  const { columns, rows } = check.samples;
  return (
    <div className="output-scroll checks-samples">
      <table>
        <caption>
          {t("checks.samplesCaption", { check: words, table, count: formatNumber(locale, rows.length) })}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity but their place, and never reorder
            <tr key={index}>
              {columns.map((column, c) => {
                const value = row[c] ?? null;
                return (
                  <td key={column} className={value === null ? "table-null" : undefined}>
                    {sampleText(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
