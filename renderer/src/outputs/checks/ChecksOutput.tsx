import type { ChecksOutput as ChecksOutputData } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { CheckedTable } from "./CheckedTable";
import "./checks.css";

/** The `checks` output: one pass/fail table per checked table, with the failing rows and the way to the cell that builds it. */
export function ChecksOutput({ cellId, output }: { cellId: string; output: ChecksOutputData }) {
  const t = useT();
  const failed = output.tables.some((table) => table.checks.some((check) => check.status !== "pass"));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group around a cell's output to read, not form controls, so not a <fieldset>
    <div className="checks-output" role="group" aria-label={t("checks.outputLabel", { id: cellId })}>
      {output.tables.map((table) => (
        <CheckedTable key={table.table} cellId={cellId} table={table} />
      ))}
      {failed && <p className="checks-fix">{t("checks.fixHint")}</p>}
      <p className="checks-muted">
        {t(output.engine === "athena" ? "checks.ranOn.athena" : "checks.ranOn.local")}
      </p>
    </div>
  );
}
