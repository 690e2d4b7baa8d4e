import { CommandButton } from "../../commands/CommandButton";
import { dashboardExport } from "../../commands/export-dashboard";
import { useT } from "../../i18n";
import { useStore } from "../../state/store";

/** The toolbar's "Export dashboard" (a registered command) and what the last export did. */
export function ExportDashboardButton() {
  const t = useT();
  const state = useStore(dashboardExport, (s) => s);
  const text =
    state.kind === "exporting"
      ? t("dashboard.exporting")
      : state.kind === "done"
        ? state.skipped.length > 0
          ? t("dashboard.exportedSkipping", { file: state.fileName, charts: state.skipped.join(", ") })
          : t("dashboard.exported", { file: state.fileName })
        : state.kind === "failed"
          ? t("dashboard.failed", { message: state.hint ? `${state.message} ${state.hint}` : state.message })
          : "";
  return (
    <span className="toolbar-group">
      <CommandButton id="exportDashboard" />
      <span
        className="dashboard-export-state"
        role="status"
        data-export-state={state.kind === "done" && state.skipped.length > 0 ? "skipped" : state.kind}
      >
        {text}
      </span>
    </span>
  );
}
