import { CopyButton } from "./CopyButton";
import "./script-section.css";

/**
 * A folded, read-only script with a Copy button: the boto3 of an ingest, the Python of a TMDB run,
 * the PySpark of a transform, the SQL a chart ran. `className` keeps each view's own spacing.
 */
export function ScriptSection(props: {
  caption: string;
  script: string;
  copyLabel: string;
  className?: string;
}) {
  return (
    <details className={`script-section${props.className ? ` ${props.className}` : ""}`}>
      <summary>{props.caption}</summary>
      <div className="script-section-actions">
        <CopyButton text={props.script} label={props.copyLabel} />
      </div>
      <pre className="script-section-text">
        <code>{props.script}</code>
      </pre>
    </details>
  );
}
