import type { CourseCheckResult } from "../../../pipeline/contract";
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
