import type { CourseRuleResult } from "../../../pipeline/contract";
import { useLocale } from "../i18n";
import { select } from "../state/ui-store";
import { useWorkbench } from "../state/workbench-context";
import { courseText, ruleText } from "./course-messages";

/** One rule: pass or fail, its evidence, and for a failure the fix and the cell that made the data. */
export function RuleItem({ rule }: { rule: CourseRuleResult }) {
  const locale = useLocale();
  const wb = useWorkbench();
  const { title, hint } = ruleText(locale, rule);
  const status = courseText(locale, rule.pass ? "pass" : "fail");
  return (
    <li className={`course-rule ${rule.pass ? "course-pass" : "course-fail"}`} data-rule={rule.id}>
      <span className="course-mark" role="img" aria-label={status}>
        {rule.pass ? "✓" : "✗"}
      </span>
      <details open={!rule.pass}>
        <summary>{title}</summary>
        <p className="course-label">{courseText(locale, "evidence")}</p>
        <ul className="course-evidence">
          {rule.evidence.map((line) => (
            <li key={line}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
        {!rule.pass && hint ? (
          <p className="course-hint">
            <strong>{courseText(locale, "fix")}:</strong> {hint}
          </p>
        ) : null}
        {!rule.pass && rule.cellId ? (
          <button type="button" className="course-goto" onClick={() => select(wb.ui, rule.cellId ?? null)}>
            {courseText(locale, "goToCell", { id: rule.cellId })}
          </button>
        ) : null}
      </details>
    </li>
  );
}
