import path from "node:path";
import type { CourseCheckResult, CourseStage } from "../../contract";
import { checkCourse } from "../../course";
import { courseLakeOf, openWorkspace } from "../../service";
import { parseCommandArgs, UsageError } from "../args";
import { failure, printError, printJson } from "../output";

const STAGE_NAMES = [
  "Everywhere",
  "Stage 1 — RAW CSVs",
  "Stage 2 — TMDB",
  "Stage 3 — TRUSTED and REFINED",
  "Stage 4 — dashboard",
];

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "check",
    argv,
    { stage: { type: "string" }, lake: { type: "string" }, json: { type: "boolean" } },
    1,
  );
  const notebookArg = positionals[0];
  if (!notebookArg) throw new UsageError("check", "missing the notebook to check");
  const stage = stageOf(values.stage);
  let result: CourseCheckResult;
  try {
    const workspace = await openWorkspace({ notebookPath: path.resolve(notebookArg), lake: values.lake });
    try {
      result = await checkCourse(courseLakeOf(workspace), stage);
    } finally {
      await workspace.close();
    }
  } catch (error) {
    if (values.json) printJson({ ok: false, rules: [], error: failure(error) });
    else printError(failure(error));
    return 1;
  }
  if (values.json) printJson(result);
  else printRules(result);
  return result.ok ? 0 : 1;
}

function stageOf(value: string | undefined): CourseStage | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-4]$/.test(value))
    throw new UsageError("check", `--stage expects 1, 2, 3 or 4, got ${JSON.stringify(value)}`);
  return Number(value) as CourseStage;
}

function printRules(result: CourseCheckResult): void {
  let shown = -1;
  for (const rule of [...result.rules].sort((a, b) => a.stage - b.stage)) {
    if (rule.stage !== shown) {
      shown = rule.stage;
      process.stdout.write(`\n${STAGE_NAMES[rule.stage]}\n`);
    }
    process.stdout.write(`  ${rule.pass ? "pass" : "FAIL"}  ${rule.title}  [${rule.id}]\n`);
    for (const line of rule.evidence) process.stdout.write(`        ${line}\n`);
    if (!rule.pass && rule.hint) process.stdout.write(`        fix: ${rule.hint}\n`);
  }
  const failedCount = result.rules.filter((r) => !r.pass).length;
  process.stdout.write(
    `\n${result.rules.length - failedCount} of ${result.rules.length} rules pass${failedCount ? `, ${failedCount} fail` : ""}.\n`,
  );
  // On Athena each query is billed (10 MB at least): the student should know what a check costs.
  if (result.cost?.engine === "athena") process.stdout.write(`${result.cost.note}\n`);
}
