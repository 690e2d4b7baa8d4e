import { formatNumber, useLocale, useT } from "../../i18n";

/** The RAW keys the cell wrote (all of this name and date), folded: the sample below shows what is in them. */
export function TmdbFiles({ files }: { files: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  if (files.length === 0) return <p className="tmdb-note">{t("tmdb.noFiles")}</p>;
  return (
    <details className="tmdb-section tmdb-files">
      <summary>{t("tmdb.files", { count: formatNumber(locale, files.length) })}</summary>
      <ul>
        {files.map((file) => (
          <li key={file}>
            <code>{file}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
