import type { IngestedFile } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { ScriptSection } from "../ScriptSection";

/** For students: the same ingest written with boto3. Read-only; the cell already did it. */
export function Boto3Script({ file }: { file: IngestedFile }) {
  const t = useT();
  return (
    <ScriptSection
      className="ingest-section ingest-boto3"
      caption={t("ingest.boto3Caption")}
      script={file.boto3}
      copyLabel={t("ingest.copyScript", { file: file.file })}
    />
  );
}
