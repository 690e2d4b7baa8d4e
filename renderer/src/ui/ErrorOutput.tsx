import type { ServiceError } from "../../../pipeline/contract";
import { useT } from "../i18n";

/** A failed run inside its cell: what went wrong, what to do about it, and the code folded away. */
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
        {error.retryable && <p>{t("error.retryable")}</p>}
      </details>
    </div>
  );
}
