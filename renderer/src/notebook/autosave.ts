import type { ServiceClient } from "../service/client";
import { ServiceCallError } from "../service/transport";
import type { DocumentStore } from "../state/document-store";
import { createStore } from "../state/store";
import type { Autosave, SaveState } from "../state/workbench";

/**
 * Every edit is journaled at once (`notebook.journal`, so a crash loses nothing) and saved
 * `delayMs` after the last one (`notebook.save`, an atomic write on the service side).
 */
export function createAutosave(
  client: Pick<ServiceClient, "call">,
  doc: DocumentStore,
  {
    delayMs = 700,
    now = () => Date.now(),
    onConflict = () => {},
  }: { delayMs?: number; now?: () => number; onConflict?: () => void } = {},
): Autosave {
  const state = createStore<SaveState>({ kind: "saved" });
  let savedVersion = doc.get().version;
  let seenVersion = savedVersion;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | null = null;
  let lastSaveAt = Number.NEGATIVE_INFINITY;
  let adopting = false;
  let journalInFlight = false;
  let journalPending = false;
  // The file changed on disk: saves wait for the user's answer (edits are still journaled).
  let blocked = false;

  const journal = () => {
    if (journalInFlight) {
      journalPending = true;
      return;
    }
    journalInFlight = true;
    journalPending = false;
    void client
      .call("notebook.journal", { notebook: doc.get().notebook })
      .catch(() => {})
      .finally(() => {
        journalInFlight = false;
        if (journalPending && doc.get().version !== savedVersion) journal();
      });
  };

  const save = async (force = false, overwrite = false): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (saving) await saving;
    if (blocked && !overwrite) return;
    const { version, notebook } = doc.get();
    if (!force && version === savedVersion) return;
    state.set({ kind: "saving" });
    saving = client
      .call("notebook.save", overwrite ? { notebook, overwrite } : { notebook })
      .then(() => {
        blocked = false;
        savedVersion = version;
        lastSaveAt = now();
        state.set(doc.get().version === version ? { kind: "saved" } : { kind: "dirty" });
      })
      .catch((error: unknown) => {
        if (error instanceof ServiceCallError && error.code === "NOTEBOOK_CHANGED_ON_DISK") {
          blocked = true;
          onConflict();
        }
        state.set({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        saving = null;
      });
    await saving;
    if (doc.get().version !== savedVersion && state.get().kind === "dirty") schedule();
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), delayMs);
  };

  const unsubscribe = doc.subscribe(() => {
    const { version } = doc.get();
    if (version === seenVersion) return;
    seenVersion = version;
    if (adopting) return;
    if (state.get().kind !== "saving") state.set({ kind: "dirty" });
    journal();
    schedule();
  });

  return {
    state,
    flush: (force) => save(force),
    overwrite: () => save(true, true),
    adopt(notebook) {
      if (timer) clearTimeout(timer);
      adopting = true;
      doc.dispatch({ type: "replace", notebook });
      adopting = false;
      savedVersion = doc.get().version;
      blocked = false;
      state.set({ kind: "saved" });
    },
    recentlySaved: () => saving !== null || now() - lastSaveAt < 1500,
    dispose() {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
