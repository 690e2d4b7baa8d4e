import type { ReactNode } from "react";
import type { TmdbOutput } from "../../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../../i18n";

/** The header: the source said plainly (the offline sample is not TMDB), the counts, date and requests. */
export function TmdbSummary({ output }: { output: TmdbOutput }) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  const offline = output.source === "offline sample";
  const { counts, requests, discover } = output;
  return (
    <div className="tmdb-summary">
      <p className="tmdb-source">
        <span className="tmdb-badge" data-source={offline ? "offline" : "tmdb"}>
          {t(offline ? "tmdb.source.offline" : "tmdb.source.TMDB")}
        </span>{" "}
        {t(offline ? "tmdb.sourceNote.offline" : "tmdb.sourceNote.TMDB")}
      </p>
      <dl className="tmdb-counts" aria-label={t("tmdb.counts")}>
        <Count term={t("tmdb.titles")} value={n(counts.total)} name="total" />
        <Count term={t("tmdb.found")} value={n(counts.found)} name="found" />
        <Count term={t("tmdb.notFound")} value={n(counts.notFound)} name="not-found" />
        <Count term={t("tmdb.failed")} value={n(counts.failed)} name="failed" />
        {counts.skipped > 0 && <Count term={t("tmdb.skipped")} value={n(counts.skipped)} name="skipped" />}
      </dl>
      <dl className="tmdb-facts">
        <Fact term={t("tmdb.date")}>{output.date}</Fact>
        <Fact term={t("tmdb.requests")}>
          {t("tmdb.requestsDetail", {
            requests: n(requests.requests),
            retries: n(requests.retries),
            cacheHits: n(requests.cacheHits),
          })}
        </Fact>
        {discover && (
          <Fact term={t("tmdb.discover")}>
            {t("tmdb.discoverDetail", {
              discovered: n(discover.discovered),
              withoutImdbId: n(discover.withoutImdbId),
              failed: n(discover.failed),
            })}
          </Fact>
        )}
      </dl>
      <p className="tmdb-note">{t("tmdb.tvHorrorNote")}</p>
    </div>
  );
}

function Count({ term, value, name }: { term: string; value: string; name: string }) {
  return (
    <div data-count={name}>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
