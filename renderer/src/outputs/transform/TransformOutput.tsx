import type { TransformOutput as TransformOutputData } from "../../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../../i18n";
import { ColumnsTable } from "../../ui/catalog-table/ColumnsTable";
import { GlueRunFacts } from "./GlueRunFacts";
import { MalformedRows } from "./MalformedRows";
import { PySparkScript } from "./PySparkScript";
import { TransformHeadline } from "./TransformHeadline";
import { TransformLineage } from "./TransformLineage";
import { TransformPreview } from "./TransformPreview";
import { TranslationNotes } from "./TranslationNotes";
import "./transform.css";

/** The `transform` output: the table as catalogued, its columns and keys, lineage, the run, rows, the PySpark. */
export function TransformOutput({ cellId, output }: { cellId: string; output: TransformOutputData }) {
  const t = useT();
  const locale = useLocale();
  const { table } = output;
  const name = `${table.database}.${table.name}`;
  const columnCount = table.columns.length + (table.partitionKeys?.length ?? 0);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group around a cell's output to read, not form controls, so not a <fieldset>
    <div className="transform-output" role="group" aria-label={t("transform.outputLabel", { id: cellId })}>
      <TransformHeadline output={output} />
      <TransformLineage table={table} />
      {output.malformed && <MalformedRows malformed={output.malformed} />}
      <details className="transform-section transform-columns" open>
        <summary>{t("transform.columns", { count: formatNumber(locale, columnCount) })}</summary>
        <ColumnsTable table={table} />
      </details>
      {output.glue && <GlueRunFacts glue={output.glue} />}
      {output.engine === "local" && <TranslationNotes notes={output.notes} />}
      {output.preview ? (
        <TransformPreview table={name} preview={output.preview} />
      ) : (
        output.engine === "glue" && (
          <p className="transform-muted">{t("transform.noPreview", { table: name })}</p>
        )
      )}
      <PySparkScript cellId={cellId} script={output.pyspark} />
    </div>
  );
}
