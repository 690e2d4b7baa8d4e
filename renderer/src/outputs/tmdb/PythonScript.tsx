import { useT } from "../../i18n";
import { ScriptSection } from "../ScriptSection";

/** For students: the same enrichment with requests and boto3. Read-only; the cell already did it. */
export function PythonScript({ cellId, script }: { cellId: string; script: string }) {
  const t = useT();
  return (
    <ScriptSection
      className="tmdb-section tmdb-python"
      caption={t("tmdb.pythonCaption")}
      script={script}
      copyLabel={t("tmdb.copyScript", { id: cellId })}
    />
  );
}
