import type { IngestedFile } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { CopyButton } from "../CopyButton";

/** For students: the same ingest written with boto3. Read-only; the cell already did it. */
export function Boto3Script({ file }: { file: IngestedFile }) {
  const t = useT();
  return (
    <details className="ingest-section ingest-boto3">
      <summary>{t("ingest.boto3Caption")}</summary>
      <div className="ingest-boto3-actions">
        <CopyButton text={file.boto3} label={t("ingest.copyScript", { file: file.file })} />
      </div>
      <pre className="ingest-script">
        <code>{file.boto3}</code>
      </pre>
    </details>
  );
}
