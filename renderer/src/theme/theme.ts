import { createStore, useStore } from "../state/store";

export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";
const STORAGE_KEY = "lakebook.theme";

function savedPreference(): ThemePreference {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === "light" || saved === "dark" || saved === "system") return saved;
  } catch {
    // Storage disabled: follow the system.
  }
  return "system";
}

function systemTheme(): Theme {
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export const themeStore = createStore<{ preference: ThemePreference; system: Theme }>({
  preference: savedPreference(),
  system: systemTheme(),
});

export function resolvedTheme(state = themeStore.get()): Theme {
  return state.preference === "system" ? state.system : state.preference;
}

export function setThemePreference(preference: ThemePreference): void {
  themeStore.set((s) => ({ ...s, preference }));
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, preference);
  } catch {
    // Not remembered across sessions.
  }
}

/** Keeps `<html data-theme>` in step with the preference and the OS setting; the CSS does the rest. */
export function applyTheme(root: HTMLElement): () => void {
  const media = globalThis.matchMedia?.("(prefers-color-scheme: dark)");
  const onMedia = () => themeStore.set((s) => ({ ...s, system: media?.matches ? "dark" : "light" }));
  media?.addEventListener?.("change", onMedia);
  const apply = () => {
    const theme = resolvedTheme();
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  };
  apply();
  const unsubscribe = themeStore.subscribe(apply);
  return () => {
    unsubscribe();
    media?.removeEventListener?.("change", onMedia);
  };
}

export function useTheme(): Theme {
  return useStore(themeStore, resolvedTheme);
}

export function useThemePreference(): ThemePreference {
  return useStore(themeStore, (s) => s.preference);
}
