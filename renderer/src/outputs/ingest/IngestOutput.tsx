import type { CellOutput } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { IngestedFileView } from "./IngestedFileView";
import "./ingest.css";

/** The `ingest` output: one block per file the cell ingested. */
export function IngestOutput({
  cellId,
  output,
}: {
  cellId: string;
  output: Extract<CellOutput, { type: "ingest" }>;
}) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group around a cell's output to read, not form controls, so not a <fieldset>
    <div className="ingest-output" role="group" aria-label={t("ingest.outputLabel", { id: cellId })}>
      {output.files.map((file) => (
        <IngestedFileView key={`${file.file}→${file.key}`} file={file} />
      ))}
    </div>
  );
}
