import type { CheckOutcome, ServiceError } from "../../../../pipeline/contract";
import { errorText, formatNumber, type Locale, type MessageKey, type Translate } from "../../i18n";

/** The params each kind's words need; without them, the service's English words are shown. */
const NEEDS: Record<CheckOutcome["kind"], readonly string[]> = {
  not_null: ["column"],
  unique: ["columns"],
  accepted_values: ["column", "values"],
  row_count: [],
  references: ["columns", "table", "refColumns"],
};

/** A check in the UI's language, from its kind and params: "genre_id não é nulo". */
export function checkWords(t: Translate, locale: Locale, check: CheckOutcome): string {
  const { kind, params } = check;
  if (!NEEDS[kind].every((name) => typeof params[name] === "string")) return check.check;
  if (kind !== "row_count") return t(`checks.kind.${kind}`, params);
  const bound = (name: "min" | "max") =>
    typeof params[name] === "number" ? formatNumber(locale, params[name]) : undefined;
  const min = bound("min");
  const max = bound("max");
  if (min !== undefined && max !== undefined) return t("checks.kind.row_count.between", { min, max });
  if (min !== undefined) return t("checks.kind.row_count.min", { min });
  if (max !== undefined) return t("checks.kind.row_count.max", { max });
  return check.check;
}

/** The short evidence beside the result: how many rows fail, the table's count, or why it could not run. */
export function checkEvidence(t: Translate, locale: Locale, check: CheckOutcome): string {
  if (check.status === "error") return errorMessage(locale, check.error);
  if (check.status === "pass") return t("checks.evidence.pass");
  if (check.tableRows !== undefined) {
    return t("checks.evidence.tableRows", { count: formatNumber(locale, check.tableRows) });
  }
  const key: MessageKey =
    check.failing === 1 ? "checks.evidence.failing.one" : "checks.evidence.failing.many";
  return t(key, { count: formatNumber(locale, check.failing) });
}

function errorMessage(locale: Locale, error: CheckOutcome["error"]): string {
  if (!error) return "—";
  const shaped: Pick<ServiceError, "code" | "message" | "hint"> = error;
  return errorText(locale, shaped).message;
}

/** A sample value as shown: NULL for null, JSON for nested values, the rest as written. */
export function sampleText(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
