import type { IngestedFile } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { valueText } from "./format";

/** The first rows as the validator typed them: a plain table (100 rows need no virtual scrolling). */
export function PreviewTable({ file }: { file: IngestedFile }) {
  const t = useT();
  const { columns, rows } = file.preview;
  return (
    <div className="output-scroll ingest-scroll ingest-preview">
      {/* biome-ignore lint/a11y/noRedundantRoles lint/a11y/noNoninteractiveTabindex: role="table" is redundant for screen readers but the notebook shortcuts keep arrows off [role=table]; tabIndex lets the keyboard scroll it */}
      <table role="table" tabIndex={0}>
        <caption className="sr-only">{t("ingest.previewLabel", { file: file.file })}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.name} scope="col">
                <span className="col-name">{column.name}</span>
                <span className="col-type">{t(`ingest.type.${column.type}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their place, and never reorder
            <tr key={index}>
              {columns.map((column, c) => {
                const value = row[c] ?? null;
                return (
                  <td
                    key={column.name}
                    className={value === null ? "table-null" : column.type === "text" ? undefined : "num"}
                  >
                    {valueText(value)}
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
