import type { KeyboardEvent } from "react";
import { runCommand } from "../commands/notebook-commands";
import { CoursePanel } from "../course/CoursePanel";
import { DependencyView } from "../deps/DependencyView";
import { useT } from "../i18n";
import { LakeBrowser } from "../lake-browser/LakeBrowser";
import { NotebookOutline } from "../notebook/NotebookOutline";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { QueuePanel } from "./QueuePanel";

const TABS = [
  { id: "lake", label: "lake.title", command: "showLake" },
  { id: "dependencies", label: "deps.title", command: "showDependencies" },
  { id: "outline", label: "outline.title", command: "showOutline" },
] as const;

/** The aside: the run queue, then the lake browser or the dependency view. */
export function SidePanel() {
  const t = useT();
  const wb = useWorkbench();
  const tab = useStore(wb.ui, (s) => s.sideTab);
  const choose = (next: (typeof TABS)[number]) => runCommand(wb, next.command);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const step = event.key === "ArrowRight" ? 1 : TABS.length - 1;
    const next = TABS[(TABS.findIndex((x) => x.id === tab) + step) % TABS.length];
    if (!next) return;
    choose(next);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <QueuePanel />
      <div role="tablist" aria-label={t("side.tabs")} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((each) => (
          <button
            key={each.id}
            id={`tab-${each.id}`}
            type="button"
            role="tab"
            aria-selected={tab === each.id}
            aria-controls={`panel-${each.id}`}
            tabIndex={tab === each.id ? 0 : -1}
            onClick={() => choose(each)}
          >
            {t(each.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === "lake" ? <LakeBrowser /> : tab === "outline" ? <NotebookOutline /> : <DependencyView />}
      </div>
      <CoursePanel />
    </>
  );
}
