import type { Notebook } from "../../../pipeline/document";
import { formatDuration, localeStore, t } from "../i18n";
import { createAutosave } from "../notebook/autosave";
import { chartsToRefresh } from "../outputs/chart/refresh-charts";
import { restoreLastRuns } from "../run/restore";
import { RunQueue } from "../run/run-queue";
import { sourceHash } from "../run/source-hash";
import { watchDependencies, watchStale } from "../run/watchers";
import type { ServiceClient } from "../service/client";
import { announce } from "../state/announcer";
import { createCatalogStore, reloadCatalog } from "../state/catalog-store";
import { cellById, createDocumentStore } from "../state/document-store";
import { createRunStore } from "../state/run-store";
import { createUiStore } from "../state/ui-store";
import type { Workbench } from "../state/workbench";
import { handleServiceEvent } from "./service-events";

/**
 * Builds the workbench for one open notebook: the stores, the run queue, autosave, and the watchers
 * that keep dependencies and stale cells current. The `Workbench` type itself is in `state/`, so the
 * rooms that use it never import this file.
 */
export function createWorkbench(
  client: ServiceClient,
  opened: {
    path: string;
    notebook: Notebook;
    recovered?: { notebook: Notebook; journaledAt: string } | undefined;
  },
  options: { autosaveMs?: number; pollMs?: number } = {},
): Workbench {
  const doc = createDocumentStore(opened.notebook);
  const runs = createRunStore();
  const ui = createUiStore(opened.notebook.cells[0]?.id ?? null);
  if (opened.recovered)
    ui.set((s) => ({
      ...s,
      prompt: { type: "recovered", journaledAt: opened.recovered?.journaledAt ?? "" },
    }));
  const catalog = createCatalogStore();
  const autosave = createAutosave(client, doc, {
    delayMs: options.autosaveMs ?? 700,
    onConflict: () => ui.set((s) => ({ ...s, prompt: { type: "changed" } })),
  });
  const queue = new RunQueue({
    client,
    runs,
    pollMs: options.pollMs ?? 3000,
    beforeRun: async () => {
      await autosave.flush();
      await client.eventsConnected();
    },
    sourceHashOf: (id) => sourceHash(cellById(doc.get().notebook.cells, id)?.source ?? ""),
    onFinished: (result, stopped) => {
      const status = t(result.status === "ok" ? "status.ok" : "status.error");
      announce(
        stopped
          ? t("announce.stopped", { id: result.id })
          : t("announce.finished", {
              id: result.id,
              status,
              duration: formatDuration(localeStore.get(), result.ms),
            }),
      );
      if (
        result.status === "ok" &&
        result.id &&
        cellById(doc.get().notebook.cells, result.id)?.kind !== "markdown"
      )
        void reloadCatalog(client, catalog);
      // A chart whose data just changed redraws itself instead of sitting there stale.
      if (result.status === "ok" && result.id) {
        const charts = chartsToRefresh(result.id, doc.get().notebook.cells, runs.get());
        if (charts.length > 0) queue.enqueue(charts, { stopOnError: false });
      }
    },
  });
  const stops: Array<() => void> = [];
  const wb: Workbench = {
    client,
    path: opened.path,
    doc,
    runs,
    ui,
    catalog,
    autosave,
    queue,
    recovered: opened.recovered?.notebook ?? null,
    dispose() {
      for (const stop of stops) stop();
      autosave.dispose();
    },
  };
  stops.push(client.onEvent((event) => handleServiceEvent(wb, event)));
  stops.push(watchDependencies(client, doc, runs));
  stops.push(watchStale(doc, runs));
  void reloadCatalog(client, catalog);
  void restoreLastRuns(client, runs, () => new Set(doc.get().notebook.cells.map((c) => c.id)));
  return wb;
}

export async function openWorkbench(client: ServiceClient): Promise<Workbench> {
  const opened = await client.call("notebook.open", {});
  return createWorkbench(client, opened);
}
