import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DoctorReport } from "../../contract";
import { openWorkspace, runAwsDoctor } from "../../service";
import { parseCommandArgs, UsageError } from "../args";
import { failure, printError, printJson } from "../output";

export async function doctorCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "doctor",
    argv,
    { json: { type: "boolean" }, policies: { type: "string" } },
    1,
  );
  const notebookArg = positionals[0];
  if (!notebookArg) throw new UsageError("doctor", "missing the notebook to check");
  let report: DoctorReport;
  try {
    const workspace = await openWorkspace({ notebookPath: path.resolve(notebookArg) });
    try {
      report = await runAwsDoctor(workspace);
    } finally {
      await workspace.close();
    }
  } catch (error) {
    if (values.json)
      printJson({ ok: false, identity: null, stages: [], policies: [], error: failure(error) });
    else printError(failure(error));
    return 1;
  }
  if (values.policies) await writePolicies(values.policies, report);
  if (values.json) {
    printJson(report);
  } else {
    process.stdout.write(reportText(report, values.policies));
  }
  return report.ok ? 0 : 1;
}

async function writePolicies(dir: string, report: DoctorReport): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const policy of report.policies) {
    const base = path.join(dir, `lakebook-${policy.name}`);
    await writeFile(`${base}-policy.json`, `${JSON.stringify(policy.document, null, 2)}\n`);
    if (policy.trustPolicy)
      await writeFile(`${base}-trust.json`, `${JSON.stringify(policy.trustPolicy, null, 2)}\n`);
  }
}

const MARK = { allowed: "allowed  ", denied: "DENIED   ", unchecked: "unchecked" } as const;

function reportText(report: DoctorReport, policiesDir: string | undefined): string {
  const lines: string[] = [];
  if (report.target === "local") return `${report.note ?? "Nothing to check."}\n`;
  if (report.identity) {
    const simulated = report.identity.simulated ? ` (checked as ${report.identity.simulated})` : "";
    lines.push(`Identity: ${report.identity.arn}${simulated}`);
  }
  if (report.stages.length === 0) lines.push("No cell of this notebook calls AWS.");
  for (const stage of report.stages) {
    lines.push("", `${stage.label} — cells: ${stage.cells.join(", ")}`);
    for (const check of stage.checks) {
      const reason = check.decision === "allowed" || !check.reason ? "" : `  (${check.reason})`;
      lines.push(`  ${MARK[check.decision]}  ${check.action}  ${check.resource}${reason}`);
    }
  }
  const counts = { allowed: 0, denied: 0, unchecked: 0 };
  const seen = new Set<string>();
  for (const check of report.stages.flatMap((s) => s.checks)) {
    const key = `${check.action} ${check.resource}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[check.decision] += 1;
  }
  lines.push("", `${counts.allowed} allowed, ${counts.denied} denied, ${counts.unchecked} not checked.`);
  if (report.note) lines.push(report.note);
  for (const policy of report.policies) {
    lines.push(
      "",
      `${policy.title} — attach to ${policy.attachTo}:`,
      JSON.stringify(policy.document, null, 2),
    );
    if (policy.trustPolicy) lines.push("Trust policy:", JSON.stringify(policy.trustPolicy, null, 2));
  }
  if (policiesDir) lines.push("", `Policies written to ${policiesDir}.`);
  return `${lines.join("\n")}\n`;
}
