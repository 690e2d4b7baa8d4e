import type { CatalogTable, CourseCheckResult, CourseRuleResult, CourseStage } from "../contract";
import { checkCredentials } from "./credentials";
import type { CourseLake } from "./lake-view";
import { checkRawCsv } from "./stage1-raw";
import { checkTmdb } from "./stage2-tmdb";
import { checkGenreFanOut, checkPerTitle } from "./stage3-measures";
import { checkRefinedKeys } from "./stage3-refined";
import { checkTrusted } from "./stage3-trusted";
import { checkDashboard } from "./stage4-dashboard";

/**
 * Every rule of the course's final challenge, in stage order, against what the student built.
 * `stage` limits the check to one stage; the credential rule (stage 0) runs with every stage,
 * since a key committed at any step fails the challenge.
 */
export async function checkCourse(lake: CourseLake, stage?: CourseStage): Promise<CourseCheckResult> {
  const tables = await lake.catalog.list();
  const cellOf = (t: CatalogTable | undefined) => t?.producedBy?.cell;
  const refined = tables.filter((t) => t.zone === "refined");
  const trusted = tables.filter((t) => t.zone === "trusted");
  const wanted = (s: CourseStage) => stage === undefined || stage === s;
  const rules: CourseRuleResult[] = [];
  if (wanted(1)) rules.push(...(await checkRawCsv(lake)));
  if (wanted(2)) rules.push(...(await checkTmdb(lake)));
  if (wanted(3)) {
    rules.push(...(await checkTrusted(lake, tables)));
    rules.push(...(await checkRefinedKeys(lake, refined, cellOf)));
    rules.push(await checkPerTitle(lake, refined, trusted, cellOf));
    rules.push(await checkGenreFanOut(lake, refined, cellOf));
  }
  if (wanted(4)) rules.push(...checkDashboard(lake, tables));
  rules.push(await checkCredentials(lake));
  return { ok: rules.every((r) => r.pass), rules };
}
