import { createStore } from "./store";

/** What the aria-live region says next. `n` changes every time, so the same text is re-announced. */
export const announcer = createStore<{ text: string; n: number }>({ text: "", n: 0 });

export function announce(text: string): void {
  announcer.set((s) => ({ text, n: s.n + 1 }));
}
