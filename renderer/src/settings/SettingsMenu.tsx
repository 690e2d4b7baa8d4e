import { LOCALE_NAMES, LOCALES, type Locale, setLocale, useLocale, useT } from "../i18n";
import { setThemePreference, type ThemePreference, useThemePreference } from "../theme/theme";
import { AwsAccount } from "./AwsAccount";

const THEMES: ThemePreference[] = ["system", "light", "dark"];

/** Language and theme, remembered in localStorage; the AWS account check. */
export function SettingsMenu() {
  const t = useT();
  const locale = useLocale();
  const theme = useThemePreference();
  return (
    <details className="menu">
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
        <AwsAccount />
      </div>
    </details>
  );
}
