import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { CourseStage } from "../../../pipeline/contract";
import { usePanelRequest } from "../commands/panel-requests";
import { useLocale } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { courseText } from "./course-messages";
import { courseMessage } from "./course-rule-messages";
import { checksAfterRunsByDefault, createCourseChecker, onAws } from "./course-store";
import { ResetStage } from "./ResetStage";
import { RuleItem } from "./RuleItem";
import "./course.css";

const STAGES: CourseStage[] = [1, 2, 3, 4];

/**
 * Course mode in the workbench: the four stages with their rules as a checklist that fills in as
 * cells run (the service re-checks the lake after each finished run), and an introduction per stage.
 * On an aws target that re-check is off until the student turns it on: each check sends Athena
 * queries, each billed for at least 10 MB scanned, so "Check now" runs it.
 */
export function CoursePanel() {
  const locale = useLocale();
  const wb = useWorkbench();
  const checker = useMemo(() => createCourseChecker(wb.client), [wb.client]);
  const state = useStore(checker.store, (s) => s);
  const aws = useStore(wb.doc, (d) => onAws(d.notebook));
  const [afterRuns, setAfterRuns] = useState(() => checksAfterRunsByDefault(wb.doc.get().notebook));
  useEffect(() => setAfterRuns(!aws), [aws]);
  const toggleId = useId();
  // Closed, it costs nothing: the lake is checked only while the student has the checklist open.
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDetailsElement>(null);
  // Help → The Course Path (the `showCoursePath` command): open the checklist and bring it into view.
  usePanelRequest("course", () => {
    setOpen(true);
    panel.current?.scrollIntoView?.({ block: "nearest" });
    panel.current?.querySelector("summary")?.focus();
  });
  useEffect(() => {
    if (!open || !afterRuns) return;
    void checker.check();
    return checker.followRuns();
  }, [checker, open, afterRuns]);
  const rules = state.result?.rules ?? [];
  const passed = rules.filter((r) => r.pass).length;
  const everywhere = rules.filter((r) => r.stage === 0);
  return (
    <details
      ref={panel}
      className="course-panel"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="course-title">{courseText(locale, "title")}</summary>
      <header className="course-header">
        <button type="button" onClick={() => void checker.check()} disabled={state.checking}>
          {courseText(locale, state.checking ? "checking" : "checkNow")}
        </button>
        <label htmlFor={toggleId} className="course-after-runs">
          <input
            id={toggleId}
            type="checkbox"
            checked={afterRuns}
            onChange={(event) => setAfterRuns(event.currentTarget.checked)}
          />
          {courseText(locale, "afterRuns")}
        </label>
      </header>
      <p className="course-intro">{courseText(locale, aws ? "introAws" : "intro")}</p>
      <p role="status" className="course-summary">
        {state.error
          ? courseText(locale, "failedToCheck", { message: state.error })
          : state.result
            ? courseText(locale, "summary", { passed, total: rules.length })
            : courseText(locale, "notChecked")}
      </p>
      {state.result?.cost ? (
        <p className="course-cost" data-engine={state.result.cost.engine}>
          {courseMessage(locale, state.result.cost.note, state.result.cost.noteMessage)}
        </p>
      ) : null}
      {STAGES.map((stage) => (
        <section key={stage} className="course-stage" data-stage={stage}>
          <h3>{courseText(locale, `stage.${stage}`)}</h3>
          <p className="course-stage-intro">{courseText(locale, `intro.${stage}`)}</p>
          <ul className="course-rules">
            {rules
              .filter((r) => r.stage === stage)
              .map((rule) => (
                <RuleItem key={rule.id} rule={rule} />
              ))}
          </ul>
          {stage === 2 || stage === 3 ? (
            <ResetStage stage={stage} onDone={() => void checker.check()} />
          ) : null}
        </section>
      ))}
      {everywhere.length > 0 ? (
        <section className="course-stage" data-stage={0}>
          <h3>{courseText(locale, "everywhere")}</h3>
          <ul className="course-rules">
            {everywhere.map((rule) => (
              <RuleItem key={rule.id} rule={rule} />
            ))}
          </ul>
        </section>
      ) : null}
    </details>
  );
}
