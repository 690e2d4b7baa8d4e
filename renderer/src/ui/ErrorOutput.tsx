import type { ServiceError } from "../../../pipeline/contract";
import { useT } from "../i18n";

/**
 * A failed run inside its cell: what went wrong, what to do about it, and folded away the code, the
 * place in the cell and the engine's own text (DuckDB's, Athena's), never in the headline.
 */
export function ErrorOutput({ error }: { error: ServiceError }) {
  const t = useT();
  return (
    <div className="error-output">
      <p className="error-message">{error.message}</p>
      {error.hint && (
        <p className="error-hint">
          <strong>{t("error.hint")}:</strong> {error.hint}
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
