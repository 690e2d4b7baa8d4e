import type { PublishOutput as PublishOutputData, PublishStep } from "../../../../pipeline/contract";
import type { MessageKey } from "../../i18n";
import { useT } from "../../i18n";
import { CONSOLE_STEP_COUNT } from "../../i18n/messages-publish";
import "./publish.css";

const MARK: Record<PublishStep["state"], string> = { planned: "○", done: "✓", failed: "✗" };

function Step({ step }: { step: PublishStep }) {
  const t = useT();
  return (
    <li className="publish-step" data-state={step.state} data-kind={step.kind}>
      <span className="publish-mark" aria-hidden="true">
        {MARK[step.state]}
      </span>
      <div className="publish-step-body">
        <div>
          <strong>{t(`publish.kind.${step.kind}` as MessageKey)}</strong> <code>{step.name}</code>{" "}
          <span className="publish-action">{t(`publish.action.${step.action}` as MessageKey)}</span>{" "}
          <span className="publish-state">{t(`publish.state.${step.state}` as MessageKey)}</span>
        </div>
        {step.details.length > 0 && (
          <ul className="publish-details">
            {step.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/**
 * The publish cell's output: each step QuickSight gets (permissions, data source, datasets,
 * analysis, dashboard) with its state, then, folded, the console steps the click replaces, for
 * students, and the whole report as text.
 */
export function PublishOutput({ output }: { cellId: string; output: PublishOutputData }) {
  const t = useT();
  const steps = Array.from(
    { length: CONSOLE_STEP_COUNT },
    (_, i) => `publish.console.${i + 1}` as MessageKey,
  );
  return (
    <section className="publish-output" aria-label={t("publish.title", { name: output.dashboardName })}>
      <p>{t(output.target === "local" ? "publish.local" : "publish.aws")}</p>
      {output.dashboardUrl && (
        <p>
          <a href={output.dashboardUrl} target="_blank" rel="noreferrer noopener">
            {t("publish.open")}
          </a>
        </p>
      )}
      <ol className="publish-steps" aria-label={t("publish.steps")}>
        {output.steps.map((step) => (
          <Step key={`${step.kind}:${step.name}`} step={step} />
        ))}
      </ol>
      {output.notes.length > 0 && (
        <details className="publish-notes" open>
          <summary>{t("publish.notes")}</summary>
          {output.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </details>
      )}
      <details className="publish-console">
        <summary>{t("publish.console")}</summary>
        <ol>
          {steps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </details>
      <details className="publish-text">
        <summary>{t("publish.fullText")}</summary>
        <pre className="text-output">{output.text}</pre>
      </details>
    </section>
  );
}
