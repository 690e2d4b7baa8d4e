import { formatNumber, useLocale, useT } from "../../i18n";

/** What the Spark SQL → DuckDB translation rewrote, so a student knows what Glue would run differently. */
export function TranslationNotes({ notes }: { notes: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  if (notes.length === 0) return <p className="transform-muted">{t("transform.noNotes")}</p>;
  return (
    <details className="transform-section transform-notes" open>
      <summary>{t("transform.notes", { count: formatNumber(locale, notes.length) })}</summary>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </details>
  );
}
