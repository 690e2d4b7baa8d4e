import { useCallback, useRef, useSyncExternalStore } from "react";

/**
 * A tiny external store. Components read it through `useStore` with a selector, so a component
 * re-renders only when its own slice changes (typing in one cell must not re-render the others).
 */
export interface Store<S> {
  get(): S;
  set(next: S | ((current: S) => S)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      const value = typeof next === "function" ? (next as (current: S) => S)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Shallow equality of arrays: a selector returning a fresh array of the same items is "unchanged". */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

export function useStore<S, T>(
  store: Store<S>,
  selector: (state: S) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const cache = useRef<{ state: S; selector: (state: S) => T; value: T } | null>(null);
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  const getSnapshot = useCallback(() => {
    const state = store.get();
    const current = selectorRef.current;
    const cached = cache.current;
    if (cached && cached.state === state && cached.selector === current) return cached.value;
    const fresh = current(state);
    const value = cached && isEqual(cached.value, fresh) ? cached.value : fresh;
    cache.current = { state, selector: current, value };
    return value;
  }, [store, isEqual]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
