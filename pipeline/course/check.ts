import {
  type CatalogTable,
  type CourseCheckCost,
  type CourseCheckResult,
  type CourseRuleResult,
  type CourseStage,
  toServiceError,
} from "../contract";
import { checkCredentials } from "./credentials";
import type { CourseLake } from "./lake-view";
import { asIs, failed, say } from "./rule";
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
export async function checkCourse(given: CourseLake, stage?: CourseStage): Promise<CourseCheckResult> {
  let queries = 0;
  const sql = given.sql;
  const lake: CourseLake = sql
    ? {
        ...given,
        sql: (query) => {
          queries += 1;
          return sql(query);
        },
      }
    : given;
  const tables = await lake.catalog.list();
  const cellOf = (t: CatalogTable | undefined) => t?.producedBy?.cell;
  const refined = tables.filter((t) => t.zone === "refined");
  const trusted = tables.filter((t) => t.zone === "trusted");
  const wanted = (s: CourseStage) => stage === undefined || stage === s;
  const rules: CourseRuleResult[] = [];
  const run = async (id: string, s: CourseRuleResult["stage"], check: () => Promise<CourseRuleResult[]>) => {
    rules.push(...(await guarded(id, s, check)));
  };
  if (wanted(1)) await run("raw.readable", 1, () => checkRawCsv(lake));
  if (wanted(2)) await run("tmdb.readable", 2, () => checkTmdb(lake));
  if (wanted(3)) {
    await run("trusted.readable", 3, () => checkTrusted(lake, tables));
    await run("refined.readable", 3, () => checkRefinedKeys(lake, refined, cellOf));
    await run("refined.per-title", 3, async () => [await checkPerTitle(lake, refined, trusted, cellOf)]);
    await run("refined.genre-fan-out", 3, async () => [await checkGenreFanOut(lake, refined, cellOf)]);
  }
  if (wanted(4)) await run("dashboard.readable", 4, async () => checkDashboard(lake, tables));
  await run("project.no-credentials", 0, async () => [await checkCredentials(lake)]);
  return { ok: rules.every((r) => r.pass), rules, ...(sql ? { cost: costOf(given, queries) } : {}) };
}

/** How many queries the check sent, and on Athena what that costs: each is billed 10 MB at least. */
function costOf(lake: CourseLake, queries: number): CourseCheckCost {
  const engine = lake.sqlEngine ?? "duckdb";
  const note = say(engine === "athena" ? "cost.athena" : "cost.duckdb", { n: queries });
  return { engine, queries, note: note.text, noteMessage: note.message ?? { code: "cost.duckdb" } };
}

/**
 * A lake the rules cannot read (a broken Parquet file, a table whose files were moved, Athena
 * refusing) fails that group of rules with the reason, instead of ending the whole check.
 */
async function guarded(
  id: string,
  stage: CourseRuleResult["stage"],
  check: () => Promise<CourseRuleResult[]>,
): Promise<CourseRuleResult[]> {
  try {
    return await check();
  } catch (error) {
    const { message, hint } = toServiceError(error);
    return [
      failed(
        id,
        stage,
        "The lake and catalog could be read for these rules",
        [message],
        hint ? asIs(hint) : say("readable.hint"),
      ),
    ];
  }
}
