import type { MalformedRows as MalformedRowsData } from "../../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../../i18n";

/** CSV rows that did not fit their header, per input: how many, what the mode did, where the first is. */
export function MalformedRows({ malformed }: { malformed: readonly MalformedRowsData[] }) {
  const t = useT();
  const locale = useLocale();
  if (malformed.length === 0) return null;
  return (
    <section className="transform-section transform-malformed" aria-label={t("transform.malformed")}>
      <h4>{t("transform.malformed")}</h4>
      <ul>
        {malformed.map((input) => (
          <li key={input.input}>
            {t("transform.malformedLine", {
              input: input.input,
              rows: formatNumber(locale, input.rows),
              mode: input.mode,
              did: t(
                input.mode === "DROPMALFORMED" ? "transform.malformed.skipped" : "transform.malformed.kept",
              ),
              file: input.first?.file ?? input.files[0]?.file ?? "",
              line: input.first?.line ?? "?",
            })}
          </li>
        ))}
      </ul>
      <p className="transform-muted">{t("transform.malformedHint")}</p>
    </section>
  );
}
