import type { CourseCheckResult } from "../../../pipeline/contract";
import type { Notebook } from "../../../pipeline/document";
import type { ServiceClient } from "../service/client";
import { createStore, type Store } from "../state/store";

export interface CourseState {
  result: CourseCheckResult | null;
  checking: boolean;
  error: string | null;
}

export interface CourseChecker {
  store: Store<CourseState>;
  check(): Promise<void>;
  /** Re-checks after every finished run; returns the unsubscribe. */
  followRuns(): () => void;
}

/**
 * One check at a time: a run that finishes while a check is in flight asks for one more after it,
 * so the checklist always ends up describing the lake as the last run left it.
 */
export function createCourseChecker(client: Pick<ServiceClient, "call" | "onEvent">): CourseChecker {
  const store = createStore<CourseState>({ result: null, checking: false, error: null });
  let again = false;
  const check = async (): Promise<void> => {
    if (store.get().checking) {
      again = true;
      return;
    }
    store.set((s) => ({ ...s, checking: true }));
    try {
      const result = await client.call("course.check", {});
      store.set({ result, checking: false, error: null });
    } catch (error) {
      store.set((s) => ({ ...s, checking: false, error: (error as Error).message }));
    }
    if (again) {
      again = false;
      await check();
    }
  };
  const followRuns = () =>
    client.onEvent((event) => {
      if (event.type === "run.finished") void check();
    });
  return { store, check, followRuns };
}

/**
 * Whether the checklist re-checks after every run unless the student says otherwise: on a local
 * lake a check is free, so yes; on an aws target each check sends Athena queries, each billed for at
 * least 10 MB scanned, so no: "Check now" runs it.
 */
export function checksAfterRunsByDefault(notebook: Notebook): boolean {
  return !onAws(notebook);
}

/** The target's kind, read leniently: a target the service would refuse is not AWS to the UI yet. */
export function onAws(notebook: Notebook): boolean {
  const target = notebook.meta.target;
  return typeof target === "object" && target !== null && (target as { kind?: unknown }).kind === "aws";
}
