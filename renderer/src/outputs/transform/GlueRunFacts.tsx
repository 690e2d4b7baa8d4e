import type { ReactNode } from "react";
import type { TransformOutput } from "../../../../pipeline/contract";
import { formatDuration, formatNumber, useLocale, useT } from "../../i18n";
import { formatUsd } from "./table-description";

type GlueRun = NonNullable<TransformOutput["glue"]>;

/** The Glue job run behind the table: job, run id (to find it in the console), state, time, DPU-seconds, cost. */
export function GlueRunFacts({ glue }: { glue: GlueRun }) {
  const t = useT();
  const locale = useLocale();
  // Glue leaves these out for some runs (still starting, or a failed attempt): said, never shown as 0.
  const reported = (value: number | undefined, show: (value: number) => string) =>
    value === undefined ? (
      <span className="transform-muted">{t("transform.glue.notReported")}</span>
    ) : (
      show(value)
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group of facts about the Glue run, not form controls, so not a <fieldset>
    <div className="transform-glue" role="group" aria-label={t("transform.glue")}>
      <dl className="transform-facts">
        <Fact term={t("transform.glue.job")}>
          <code>{glue.jobName}</code>
        </Fact>
        <Fact term={t("transform.glue.runId")}>
          <code>{glue.runId}</code>
        </Fact>
        <Fact term={t("transform.glue.state")}>{glue.state}</Fact>
        <Fact term={t("transform.glue.time")}>
          {reported(glue.executionSeconds, (s) => formatDuration(locale, s * 1000))}
        </Fact>
        <Fact term={t("transform.glue.dpuSeconds")}>
          {reported(glue.dpuSeconds, (s) => formatNumber(locale, s, 1))}
        </Fact>
        <Fact term={t("transform.glue.cost")}>{reported(glue.costUsd, (usd) => formatUsd(locale, usd))}</Fact>
      </dl>
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
