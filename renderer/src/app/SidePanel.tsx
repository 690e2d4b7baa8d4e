import type { KeyboardEvent } from "react";
import { CoursePanel } from "../course/CoursePanel";
import { DependencyView } from "../deps/DependencyView";
import { useT } from "../i18n";
import { LakeBrowser } from "../lake-browser/LakeBrowser";
import { QueuePanel } from "../run/QueuePanel";
import { useStore } from "../state/store";
import { useWorkbench } from "./workbench-context";

const TABS = [
  { id: "lake", label: "lake.title" },
  { id: "dependencies", label: "deps.title" },
] as const;

/** The aside: the run queue, then the lake browser or the dependency view. */
export function SidePanel() {
  const t = useT();
  const wb = useWorkbench();
  const tab = useStore(wb.ui, (s) => s.sideTab);
  const choose = (id: (typeof TABS)[number]["id"]) => wb.ui.set((s) => ({ ...s, sideTab: id }));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next = TABS[(TABS.findIndex((x) => x.id === tab) + 1) % TABS.length];
    if (!next) return;
    choose(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <QueuePanel />
      <div role="tablist" aria-label={t("side.tabs")} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => choose(id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === "lake" ? <LakeBrowser /> : <DependencyView />}
      </div>
      <CoursePanel />
    </>
  );
}
