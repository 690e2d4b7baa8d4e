import type { ServiceEvent } from "../../../pipeline/contract";
import type { Workbench } from "../state/workbench";

/** Every event kind the service sends, handled in one exhaustive switch (a new kind fails to compile). */
export function handleServiceEvent(wb: Workbench, event: ServiceEvent): void {
  switch (event.type) {
    case "run.started":
    case "run.progress":
    case "run.log":
    case "run.finished":
      wb.queue.handleEvent(event);
      return;
    case "notebook.changed":
      // Our own save does not send this, but a slow file watcher might: ignore it right after saving.
      if (wb.autosave.recentlySaved()) return;
      wb.ui.set((s) => ({ ...s, prompt: { type: "changed" } }));
      return;
    default: {
      const unknown: never = event;
      // biome-ignore lint/correctness/noVoidTypeReturn: the exhaustiveness check; assigning to never fails to compile when an event kind is added
      return unknown;
    }
  }
}
