import type { CourseRuleResult } from "../../../pipeline/contract";
import { useLocale } from "../i18n";
import { select } from "../state/ui-store";
import { useWorkbench } from "../state/workbench-context";
import { courseText, ruleText } from "./course-messages";
import { COURSE_MESSAGES_PT_BR, courseMessage } from "./course-rule-messages";

/** One rule: pass or fail, its evidence, and for a failure the fix and the cell that made the data. */
export function RuleItem({ rule }: { rule: CourseRuleResult }) {
  const locale = useLocale();
  const wb = useWorkbench();
  const { title, hint: hintById } = ruleText(locale, rule);
  // The hint said by code carries this failure's own paths and names; by rule id, the general one.
  const knownCode = rule.hintMessage && COURSE_MESSAGES_PT_BR[rule.hintMessage.code] !== undefined;
  const hint = knownCode ? courseMessage(locale, rule.hint ?? "", rule.hintMessage) : hintById;
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
          {rule.evidence.map((line, i) => (
            <li key={line}>
              <code>{courseMessage(locale, line, rule.evidenceMessages?.[i])}</code>
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
