import { useState } from "react";
import type { CourseResetPlan, CourseStage } from "../../../pipeline/contract";
import { formatNumber, useLocale } from "../i18n";
import { useWorkbench } from "../state/workbench-context";
import { courseText } from "./course-messages";

/**
 * Reset a stage: first the list of what goes (and what stays), then the removal of exactly that
 * list; the service refuses if the lake changed in between.
 */
export function ResetStage({ stage, onDone }: { stage: CourseStage; onDone: () => void }) {
  const locale = useLocale();
  const wb = useWorkbench();
  const [plan, setPlan] = useState<CourseResetPlan | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const ask = async () => {
    setMessage(null);
    try {
      setPlan(await wb.client.call("course.resetPlan", { stage }));
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  const confirm = async () => {
    if (!plan) return;
    try {
      const removed = await wb.client.call("course.reset", { stage, items: plan.items });
      setMessage(
        courseText(locale, "resetDone", {
          objects: formatNumber(locale, removed.removedObjects),
          tables: formatNumber(locale, removed.removedTables.length),
        }),
      );
      onDone();
    } catch (error) {
      setMessage((error as Error).message);
    }
    setPlan(null);
  };
  if (!plan) {
    return (
      <div className="course-reset">
        <button type="button" onClick={ask}>
          {courseText(locale, "reset", { stage })}
        </button>
        {message ? <p role="status">{message}</p> : null}
      </div>
    );
  }
  return (
    <fieldset className="course-reset" aria-label={courseText(locale, "resetTitle", { stage })}>
      {plan.items.length === 0 ? (
        <p>{courseText(locale, "resetNothing", { stage })}</p>
      ) : (
        <>
          <p>{courseText(locale, "resetTitle", { stage })}</p>
          <ul>
            {plan.items.map((item) => (
              <li key={item.kind === "table" ? item.name : item.prefix}>
                {item.kind === "table"
                  ? courseText(locale, "resetTable", { name: item.name, location: item.location })
                  : courseText(locale, "resetObjects", {
                      count: formatNumber(locale, item.count),
                      prefix: item.prefix,
                      bytes: `${formatNumber(locale, item.bytes / 1024, 1)} KB`,
                    })}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.kept.map((what) => (
        <p key={what}>{courseText(locale, "resetKept", { what })}</p>
      ))}
      {plan.items.length > 0 ? (
        <button type="button" className="danger" onClick={confirm}>
          {courseText(locale, "resetConfirm")}
        </button>
      ) : null}
      <button type="button" onClick={() => setPlan(null)}>
        {courseText(locale, "resetCancel")}
      </button>
    </fieldset>
  );
}
