import { useCallback } from "react";
import { createStore, useStore } from "../state/store";
import { detectLocale, LOCALES, type Locale, type Params, type Translate, translate } from "./locale";
import type { MessageKey } from "./messages";

export * from "./locale";
export type { MessageKey } from "./messages";
export { errorText, ingestWarningText } from "./messages-errors";
export { rawKeyExplanation } from "./messages-raw-key";

const STORAGE_KEY = "lakebook.locale";

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // Storage can be disabled (privacy settings); the browser language still applies.
  }
  const nav = globalThis.navigator;
  return detectLocale(nav ? [...(nav.languages ?? []), nav.language].filter(Boolean) : []);
}

/** The UI language: follows the browser until the user picks one in Settings (then remembered). */
export const localeStore = createStore<Locale>(initialLocale());

export function setLocale(locale: Locale): void {
  localeStore.set(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but still switched for this session.
  }
  if (globalThis.document) document.documentElement.lang = locale;
}

export function useLocale(): Locale {
  return useStore(localeStore, (l) => l);
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key: MessageKey, params?: Params) => translate(locale, key, params), [locale]);
}

/** For code outside components (announcements, commands). */
export const t: Translate = (key, params) => translate(localeStore.get(), key, params);
