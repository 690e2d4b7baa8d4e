import { type CSSProperties, useEffect, useState } from "react";
import { ChangeKindDialog } from "../cells/ChangeKindDialog";
import { CommandPalette } from "../commands/CommandPalette";
import { useDesktopMenu } from "../commands/desktop-menu";
import { ShortcutHelp } from "../commands/ShortcutHelp";
import { useKeyboard } from "../commands/useKeyboard";
import { useT } from "../i18n";
import { NotebookView } from "../notebook/NotebookView";
import type { ServiceClient } from "../service/client";
import { useStore } from "../state/store";
import type { Workbench } from "../state/workbench";
import { useWorkbench, WorkbenchProvider } from "../state/workbench-context";
import { openWorkbench } from "./create-workbench";
import { LiveRegion } from "./LiveRegion";
import { PromptBanner } from "./PromptBanner";
import { RunSummary } from "./RunSummary";
import { SidePanel } from "./SidePanel";
import { SidePanelSplitter, useWindowWidth } from "./SidePanelSplitter";
import { clampWidth } from "./side-panel-size";
import { useSidePanel } from "./side-panel-store";
import "./side-panel.css";
import { Toolbar } from "./Toolbar";

function Layout() {
  const t = useT();
  const wb = useWorkbench();
  const dialog = useStore(wb.ui, (s) => s.dialog);
  const close = () => wb.ui.set((s) => ({ ...s, dialog: null }));
  const side = useSidePanel();
  const windowWidth = useWindowWidth();
  // The notebook's column is 1fr: whatever the panel gives up, the notebook takes.
  const bodyStyle = { "--side-panel-width": `${clampWidth(side.width, windowWidth)}px` } as CSSProperties;
  useKeyboard(wb);
  useDesktopMenu(wb);
  return (
    <div className="app">
      <header className="app-header">
        <Toolbar />
      </header>
      <div className="app-body" data-side-collapsed={side.collapsed} style={bodyStyle}>
        <main className="notebook" aria-label={t("landmark.notebook")}>
          <PromptBanner />
          <RunSummary />
          <NotebookView />
        </main>
        <SidePanelSplitter panelId="side-panel" />
        <aside id="side-panel" className="side-panel" aria-label={t("landmark.side")} hidden={side.collapsed}>
          <SidePanel />
        </aside>
      </div>
      <LiveRegion />
      {dialog === "palette" && <CommandPalette onClose={close} />}
      {dialog === "shortcuts" && <ShortcutHelp onClose={close} />}
      {dialog === "changeKind" && <ChangeKindDialog onClose={close} />}
    </div>
  );
}

/** The workbench for an open workbench: layout, keyboard, dialogs. */
export function WorkbenchApp({ workbench }: { workbench: Workbench }) {
  return (
    <WorkbenchProvider workbench={workbench}>
      <Layout />
    </WorkbenchProvider>
  );
}

/** Opens the service's notebook, then shows the workbench (or why it could not). */
export function App({ client }: { client: ServiceClient }) {
  const t = useT();
  const [state, setState] = useState<{ wb?: Workbench; error?: string }>({});
  useEffect(() => {
    let wb: Workbench | undefined;
    let live = true;
    openWorkbench(client).then(
      (opened) => {
        wb = opened;
        if (live) setState({ wb: opened });
        else opened.dispose();
      },
      (error: Error) => live && setState({ error: error.message }),
    );
    return () => {
      live = false;
      wb?.dispose();
    };
  }, [client]);
  if (state.wb) return <WorkbenchApp workbench={state.wb} />;
  return (
    <main className="app-message">
      <h1>Lakebook</h1>
      <p role={state.error ? "alert" : "status"}>
        {state.error ? t("app.loadFailed", { message: state.error }) : t("app.loading")}
      </p>
    </main>
  );
}
