/**
 * A KPI's number as text, following the common part of d3-format that Vega-Lite's `format` uses:
 * `$` currency, `,` grouping, `.N` digits, and `f`/`d`/`%` types (".2f", ",.0f", "$,", ".1%").
 * Anything else falls back to grouping with up to two decimals.
 */
export function formatKpi(value: unknown, format?: string): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return String(value);
  const parts = /^(\$)?(,)?(?:\.(\d+))?([fd%])?$/.exec(format ?? "");
  if (!format || !parts) return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const [, currency, grouping, precision, type] = parts;
  const digits = precision !== undefined ? Number(precision) : type === "d" ? 0 : undefined;
  const number = type === "%" ? value * 100 : value;
  const text = number.toLocaleString("en-US", {
    useGrouping: grouping === ",",
    ...(digits !== undefined ? { minimumFractionDigits: digits, maximumFractionDigits: digits } : {}),
  });
  return `${currency ?? ""}${text}${type === "%" ? "%" : ""}`;
}
