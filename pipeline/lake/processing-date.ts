import { LakebookError } from "../contract/errors";

/**
 * The processing date that names RAW folders (`YYYY/MM/DD`) and TRUSTED partitions (`dt=YYYY-MM-DD`).
 * A plain calendar date with no time zone: the challenge pads every part, and so do we, always.
 */
export type ProcessingDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE_ISO_DATE = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/;
const DATE_HINT = "Write dates as YYYY-MM-DD with zero padding, e.g. 2026-01-05.";

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the three numbers name a real day of the Gregorian calendar in years 1..9999. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function notARealDate(shown: string): LakebookError {
  return new LakebookError("INVALID_DATE", `"${shown}" is not a real calendar date.`, {
    hint: DATE_HINT,
    params: { date: shown },
  });
}

/** Strict: `2026-01-05` parses; `2026-1-5`, `2026-02-30` and `20260105` are refused with a reason. */
export function parseProcessingDate(text: string): ProcessingDate {
  const match = ISO_DATE.exec(text);
  if (!match) {
    const loose = LOOSE_ISO_DATE.exec(text);
    if (loose) {
      const [, y = "", m = "", d = ""] = loose;
      const padded = `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
      throw new LakebookError(
        "INVALID_DATE",
        `The date "${text}" is not zero-padded: expected ${padded} (YYYY-MM-DD).`,
        { hint: DATE_HINT, params: { date: text } },
      );
    }
    throw new LakebookError("INVALID_DATE", `"${text}" is not a date in the form YYYY-MM-DD.`, {
      hint: DATE_HINT,
      params: { date: text },
    });
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isRealDate(year, month, day)) throw notARealDate(text);
  return { year, month, day };
}

/** The UTC calendar day of an instant: a run started at 23:30 in São Paulo is filed under tomorrow's UTC date. */
export function processingDateOf(date: Date): ProcessingDate {
  const time = date.getTime();
  if (Number.isNaN(time)) {
    throw new LakebookError("INVALID_DATE", "The processing date is an invalid Date.", { hint: DATE_HINT });
  }
  const result = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  assertProcessingDate(result);
  return result;
}

/** Refuses objects built by hand that are not a real date (`{ month: 13 }`), before they become a path. */
export function assertProcessingDate(date: ProcessingDate): void {
  if (!isRealDate(date.year, date.month, date.day)) {
    throw notARealDate(`${date.year}-${date.month}-${date.day}`);
  }
}

function padded(date: ProcessingDate): [string, string, string] {
  assertProcessingDate(date);
  return [
    String(date.year).padStart(4, "0"),
    String(date.month).padStart(2, "0"),
    String(date.day).padStart(2, "0"),
  ];
}

/** `2026/01/05`: the three RAW date folders. */
export function formatDatePath(date: ProcessingDate): string {
  return padded(date).join("/");
}

/** `2026-01-05`: the value of a `dt=` partition and of the notebook's date settings. */
export function formatDateIso(date: ProcessingDate): string {
  return padded(date).join("-");
}
