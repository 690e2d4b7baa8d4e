import { useT } from "../../i18n";
import { CopyButton } from "../CopyButton";

/** For students: the same transform as a Glue job script. Read-only; the cell already ran it. */
export function PySparkScript({ cellId, script }: { cellId: string; script: string }) {
  const t = useT();
  return (
    <details className="transform-section transform-pyspark">
      <summary>{t("transform.pysparkCaption")}</summary>
      <div className="transform-pyspark-actions">
        <CopyButton text={script} label={t("transform.copyPyspark", { id: cellId })} />
      </div>
      <pre className="transform-script">
        <code>{script}</code>
      </pre>
    </details>
  );
}
