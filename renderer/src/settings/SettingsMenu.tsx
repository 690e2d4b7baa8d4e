import { useState } from "react";
import { usePanelRequest } from "../commands/panel-requests";
import { LOCALE_NAMES, LOCALES, type Locale, setLocale, useLocale, useT } from "../i18n";
import { setThemePreference, type ThemePreference, useThemePreference } from "../theme/theme";
import { AwsAccount } from "./AwsAccount";
import { TargetBadge } from "./TargetBadge";
import { TargetForm } from "./TargetForm";
import { TmdbToken } from "./TmdbToken";
import "./settings.css";

const THEMES: ThemePreference[] = ["system", "light", "dark"];

/**
 * Language and theme, remembered in localStorage; the notebook's target (shown in the toolbar,
 * edited in a form); the TMDB token; the AWS account check. The `setTmdbToken` and `editTarget`
 * commands open the menu at their section.
 */
export function SettingsMenu() {
  const t = useT();
  const locale = useLocale();
  const theme = useThemePreference();
  const [open, setOpen] = useState(false);
  usePanelRequest("tmdbToken", () => setOpen(true));
  usePanelRequest("target", () => setOpen(true));
  return (
    <>
      <TargetBadge />
      <details className="menu" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t("settings.title")}</summary>
        <div className="menu-body">
          <label>
            {t("settings.language")}
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("settings.theme")}
            <select value={theme} onChange={(e) => setThemePreference(e.target.value as ThemePreference)}>
              {THEMES.map((value) => (
                <option key={value} value={value}>
                  {t(`theme.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <TargetForm />
          <TmdbToken />
          <AwsAccount />
        </div>
      </details>
    </>
  );
}
