import { runCommand } from "../commands/notebook-commands";
import { useT } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { targetSummary } from "./target-form";

/**
 * Where the notebook runs, always in sight in the toolbar ("Target: Local lake", "Target: AWS ·
 * bucket · region · profile"); pressing it opens the target form (the `editTarget` command).
 */
export function TargetBadge() {
  const t = useT();
  const wb = useWorkbench();
  const target = useStore(wb.doc, (s) => s.notebook.meta.target);
  const kind = (target as { kind?: unknown } | undefined)?.kind === "aws" ? "aws" : "local";
  return (
    <button
      type="button"
      className="target-badge"
      data-target-kind={kind}
      onClick={() => runCommand(wb, "editTarget")}
    >
      {t("target.current", { target: targetSummary(target, t) })}
    </button>
  );
}
