import { useT } from "../../i18n";
import { CopyButton } from "../CopyButton";

/** For students: the same enrichment with requests and boto3. Read-only; the cell already did it. */
export function PythonScript({ cellId, script }: { cellId: string; script: string }) {
  const t = useT();
  return (
    <details className="tmdb-section tmdb-python">
      <summary>{t("tmdb.pythonCaption")}</summary>
      <div className="tmdb-python-actions">
        <CopyButton text={script} label={t("tmdb.copyScript", { id: cellId })} />
      </div>
      <pre className="tmdb-script">
        <code>{script}</code>
      </pre>
    </details>
  );
}
