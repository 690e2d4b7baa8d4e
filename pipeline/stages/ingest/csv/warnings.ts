import { CSV_WARNING_CODES, type CsvWarning, type CsvWarningCode, FILE_LEVEL_CODES } from "./report";

export const WARNING_CAPS = { perCode: 20, total: 200 } as const;

const ORDER = new Map(CSV_WARNING_CODES.map((code, i) => [code, i]));

/**
 * Keeps the first warnings of each code and counts all of them. A file with a million bad rows
 * must not build a million messages, so a message may be a function, called only when kept.
 * The result is sorted by line (then by code), so it does not depend on the order checks ran in.
 */
export class WarningCollector {
  private readonly kept = new Map<CsvWarningCode, CsvWarning[]>();
  private readonly counts: Record<string, number> = {};
  private total = 0;

  add(code: CsvWarningCode, line: number, message: string | (() => string)): void {
    const count = (this.counts[code] ?? 0) + 1;
    this.counts[code] = count;
    const fileLevel = FILE_LEVEL_CODES.has(code);
    if (fileLevel && count > 1) return;
    this.total++;
    if (count > (fileLevel ? 1 : WARNING_CAPS.perCode)) return;
    const list = this.kept.get(code) ?? [];
    list.push({ line, code, message: typeof message === "string" ? message : message() });
    this.kept.set(code, list);
  }

  result(): { warnings: CsvWarning[]; warningCount: number; warningCounts: Record<string, number> } {
    const warnings = [...this.kept.values()]
      .flat()
      .sort((a, b) => a.line - b.line || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0))
      .slice(0, WARNING_CAPS.total);
    return { warnings, warningCount: this.total, warningCounts: { ...this.counts } };
  }
}
