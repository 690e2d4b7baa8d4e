import type { CourseRuleResult } from "../contract";

type Stage = CourseRuleResult["stage"];

/** A rule's verdict; `fail` carries the hint that names the likely mistake and its fix. */
export function passed(
  id: string,
  stage: Stage,
  title: string,
  evidence: string[],
  cellId?: string,
): CourseRuleResult {
  return { id, stage, title, pass: true, evidence, ...(cellId ? { cellId } : {}) };
}

export function failed(
  id: string,
  stage: Stage,
  title: string,
  evidence: string[],
  hint: string,
  cellId?: string,
): CourseRuleResult {
  return { id, stage, title, pass: false, evidence, hint, ...(cellId ? { cellId } : {}) };
}

export function verdict(
  ok: boolean,
  id: string,
  stage: Stage,
  title: string,
  evidence: string[],
  hint: string,
  cellId?: string,
): CourseRuleResult {
  return ok ? passed(id, stage, title, evidence, cellId) : failed(id, stage, title, evidence, hint, cellId);
}

/** Long lists of offenders are cut: the first few say enough, the count says the rest. */
export function firstFew(lines: string[], max = 5): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

export function count(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}
