import type { CourseRuleResult, Message } from "../contract";
import { asIs, type CourseMessageCode, type Said, say } from "./messages";

type Stage = CourseRuleResult["stage"];
/** An evidence line: data as it is (a path, an engine's error), or words said by code. */
export type Line = string | Said;

/** A rule's verdict; `fail` carries the hint that names the likely mistake and its fix. */
export function passed(
  id: string,
  stage: Stage,
  title: string,
  evidence: Line[],
  cellId?: string,
): CourseRuleResult {
  return { id, stage, title, pass: true, ...lines(evidence), ...(cellId ? { cellId } : {}) };
}

export function failed(
  id: string,
  stage: Stage,
  title: string,
  evidence: Line[],
  hint: Said,
  cellId?: string,
): CourseRuleResult {
  return {
    id,
    stage,
    title,
    pass: false,
    ...lines(evidence),
    hint: hint.text,
    ...(hint.message ? { hintMessage: hint.message } : {}),
    ...(cellId ? { cellId } : {}),
  };
}

export function verdict(
  ok: boolean,
  id: string,
  stage: Stage,
  title: string,
  evidence: Line[],
  hint: Said,
  cellId?: string,
): CourseRuleResult {
  return ok ? passed(id, stage, title, evidence, cellId) : failed(id, stage, title, evidence, hint, cellId);
}

/** The English lines (what the CLI prints) and, beside them, each line's code for the UI. */
function lines(evidence: Line[]): { evidence: string[]; evidenceMessages?: (Message | null)[] } {
  const text = evidence.map((line) => (typeof line === "string" ? line : line.text));
  const messages = evidence.map((line) => (typeof line === "string" ? null : (line.message ?? null)));
  return messages.every((m) => m === null)
    ? { evidence: text }
    : { evidence: text, evidenceMessages: messages };
}

/** Long lists of offenders are cut: the first few say enough, the count says the rest. */
export function firstFew(lines: Line[], max = 5): Line[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), say("more", { n: lines.length - max })];
}

export { asIs, type CourseMessageCode, type Said, say };
