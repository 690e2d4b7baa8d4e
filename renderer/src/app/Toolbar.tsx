import { KNOWN_CELL_KINDS } from "../../../pipeline/document/model";
import { kindLabel } from "../cells/kind-label";
import { CommandButton } from "../commands/CommandButton";
import { useT } from "../i18n";
import { ExportDashboardButton } from "../outputs/chart/ExportDashboardButton";
import { SettingsMenu } from "../settings/SettingsMenu";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";

/** The header: the notebook's commands, where the user is (mode), whether it is saved, settings. */
export function Toolbar() {
  const t = useT();
  const wb = useWorkbench();
  const kind = useStore(wb.ui, (s) => s.newCellKind);
  const mode = useStore(wb.ui, (s) => s.mode);
  const save = useStore(wb.autosave.state, (s) => s);
  const saveText =
    save.kind === "failed" ? t("save.failed", { message: save.message }) : t(`save.${save.kind}`);
  return (
    <div className="toolbar" role="toolbar" aria-label={t("landmark.toolbar")}>
      <span className="brand">Lakebook</span>
      <CommandButton id="runAll" className="primary" />
      <CommandButton id="runCell" />
      <CommandButton id="runFromHere" />
      <CommandButton id="runStale" label="toolbar.runStale" />
      <CommandButton id="runDownstream" label="toolbar.runDownstream" />
      <CommandButton id="cancel" />
      <CommandButton id="clearOutputs" />
      <span className="toolbar-group">
        <select
          aria-label={t("toolbar.newCellKind")}
          value={kind}
          onChange={(e) => wb.ui.set((s) => ({ ...s, newCellKind: e.target.value }))}
        >
          {KNOWN_CELL_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(t, k)}
            </option>
          ))}
        </select>
        <CommandButton id="addCell" />
      </span>
      <CommandButton id="undo" label="toolbar.undo" />
      <CommandButton id="redo" label="toolbar.redo" />
      <CommandButton id="palette" label="toolbar.palette" />
      <CommandButton id="shortcuts" label="toolbar.shortcuts" />
      <ExportDashboardButton />
      <span className="toolbar-spacer" />
      <span className="mode-indicator">{t(mode === "edit" ? "mode.edit" : "mode.command")}</span>
      <span className={`save-state save-${save.kind}`} data-save-state={save.kind}>
        {saveText}
      </span>
      <SettingsMenu />
    </div>
  );
}
