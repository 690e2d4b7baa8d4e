import { formatNumber, type Locale } from "../../i18n";

type PreviewValue = string | number | null;

/** A preview or profile value as shown: `\N` arrives as null and shows as NULL; numbers as written (years stay 1983). */
export function valueText(value: PreviewValue): string {
  return value === null ? "NULL" : String(value);
}

/** 0..1 as a percentage with at most one decimal: 0.219 → "21.9%" (en), "21,9%" (pt-BR). */
export function formatRatio(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

export function formatCount(locale: Locale, count: number): string {
  return formatNumber(locale, count);
}
