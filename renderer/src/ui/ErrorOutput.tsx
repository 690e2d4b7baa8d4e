import type { ServiceError } from "../../../pipeline/contract";
import { errorText, useLocale, useT } from "../i18n";

/**
 * A failed run inside its cell: what went wrong, what to do about it, and folded away the code, the
 * place in the cell and the engine's own text (DuckDB's, Athena's), never in the headline.
 * The message and hint are said in the UI's language by the error's code (i18n/messages-errors.ts);
 * when translated, the service's English text stays under Details, with its specifics.
 */
export function ErrorOutput({ error }: { error: ServiceError }) {
  const t = useT();
  const locale = useLocale();
  const { message, hint, translated } = errorText(locale, error);
  return (
    <div className="error-output">
      <p className="error-message">{message}</p>
      {hint && (
        <p className="error-hint">
          <strong>{t("error.hint")}:</strong> {hint}
        </p>
      )}
      <details className="error-details">
        {/* The code shows on the fold too: it is what a student searches for. */}
        <summary>
          {t("error.details")} · <code>{error.code}</code>
        </summary>
        <dl>
          <dt>{t("error.code")}</dt>
          <dd>
            <code>{error.code}</code>
          </dd>
          {translated ? (
            <>
              <dt>{t("error.original")}</dt>
              <dd lang="en" className="error-original">
                {error.message}
                {error.hint ? ` ${error.hint}` : ""}
              </dd>
            </>
          ) : null}
        </dl>
        {error.at && <p className="error-at">{t("error.at", error.at)}</p>}
        {error.details && (
          <>
            <p className="error-engine-label">{t("error.engineText")}</p>
            {/* The engine's words as it wrote them: what to paste into a bug report or a search. */}
            <pre className="error-engine-text">{error.details}</pre>
          </>
        )}
        {error.retryable && <p>{t("error.retryable")}</p>}
      </details>
    </div>
  );
}
