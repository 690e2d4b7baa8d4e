import type { TmdbOutput as TmdbOutputData } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { AthenaQuery } from "./AthenaQuery";
import { MissedTitles } from "./MissedTitles";
import { PythonScript } from "./PythonScript";
import { SampleRecords } from "./SampleRecords";
import { TmdbFiles } from "./TmdbFiles";
import { TmdbSummary } from "./TmdbSummary";
import "./tmdb.css";

/**
 * The `tmdb` output: where the records came from, the counts, the files, a sample, what missed, the
 * Athena query over `raw.tmdb`, the Python.
 */
export function TmdbOutput({ cellId, output }: { cellId: string; output: TmdbOutputData }) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group around a cell's output to read, not form controls, so not a <fieldset>
    <div className="tmdb-output" role="group" aria-label={t("tmdb.outputLabel", { id: cellId })}>
      <TmdbSummary output={output} />
      <TmdbFiles files={output.files} />
      <SampleRecords output={output} />
      <MissedTitles cellId={cellId} output={output} />
      {output.query && <AthenaQuery cellId={cellId} query={output.query} />}
      <PythonScript cellId={cellId} script={output.python} />
    </div>
  );
}
