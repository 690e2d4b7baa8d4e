import type { TmdbOutput } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { ScriptSection } from "../ScriptSection";

/** For students: the SQL that reads RAW TMDB as the catalog registered it (Athena; DuckDB locally). */
export function AthenaQuery({ cellId, query }: { cellId: string; query: NonNullable<TmdbOutput["query"]> }) {
  const t = useT();
  return (
    <ScriptSection
      className="tmdb-section tmdb-query"
      caption={t("tmdb.queryCaption", { table: query.table })}
      script={query.sql}
      copyLabel={t("tmdb.copyQuery", { id: cellId })}
    />
  );
}
