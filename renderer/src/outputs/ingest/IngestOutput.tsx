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
    <div className="ingest-output" role="group" aria-label={t("ingest.outputLabel", { id: cellId })}>
      {output.files.map((file) => (
        <IngestedFileView key={`${file.file}→${file.key}`} file={file} />
      ))}
    </div>
  );
}
