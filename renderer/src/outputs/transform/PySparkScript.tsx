import { useT } from "../../i18n";
import { ScriptSection } from "../ScriptSection";

/** For students: the same transform as a Glue job script. Read-only; the cell already ran it. */
export function PySparkScript({ cellId, script }: { cellId: string; script: string }) {
  const t = useT();
  return (
    <ScriptSection
      className="transform-section transform-pyspark"
      caption={t("transform.pysparkCaption")}
      script={script}
      copyLabel={t("transform.copyPyspark", { id: cellId })}
    />
  );
}
