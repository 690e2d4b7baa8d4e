import type { TmdbOutput } from "../../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../../i18n";

/** Lists longer than this start folded, so a run with thousands of misses does not bury the sample. */
const OPEN_UP_TO = 20;

/** The titles that did not make it: not found on TMDB, and failed with the reason (a rerun retries those). */
export function MissedTitles({ cellId, output }: { cellId: string; output: TmdbOutput }) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  const { counts, notFound, failed, manifest } = output;
  const more = (hidden: number) =>
    hidden > 0 && manifest ? (
      <p className="tmdb-more">{t("tmdb.more", { count: n(hidden), manifest })}</p>
    ) : null;
  return (
    <>
      {counts.notFound > 0 && (
        <details className="tmdb-section tmdb-not-found" open={counts.notFound <= OPEN_UP_TO}>
          <summary>{t("tmdb.notFoundList", { count: n(counts.notFound) })}</summary>
          <ul className="tmdb-ids">
            {notFound.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
          {more(counts.notFound - notFound.length)}
        </details>
      )}
      {counts.failed > 0 && (
        <details className="tmdb-section tmdb-failed" open={counts.failed <= OPEN_UP_TO}>
          <summary>{t("tmdb.failedList", { count: n(counts.failed) })}</summary>
          <div className="output-scroll">
            {/* biome-ignore lint/a11y/noRedundantRoles lint/a11y/noNoninteractiveTabindex: role="table" is redundant for screen readers but the notebook shortcuts keep arrows off [role=table]; tabIndex lets the keyboard scroll it */}
            <table role="table" tabIndex={0}>
              <caption className="sr-only">{t("tmdb.failedCaption", { id: cellId })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tmdb.imdbId")}</th>
                  <th scope="col">{t("tmdb.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {failed.map((title) => (
                  <tr key={title.imdbId}>
                    <td>
                      <code>{title.imdbId}</code>
                    </td>
                    <td>{title.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(counts.failed - failed.length)}
        </details>
      )}
    </>
  );
}
