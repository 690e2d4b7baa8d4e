import { access, copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LakebookError } from "../../contract";
import { writeDemoData } from "../../lake/demo/demo-data";
import { parseCommandArgs, UsageError } from "../args";
import { formatBytes } from "../output";

export const DEMO_NOTEBOOK = "horror-subgenres.lakebook.md";
const template = fileURLToPath(new URL(`../../../assets/demo/${DEMO_NOTEBOOK}`, import.meta.url));

export async function demoCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("demo", argv, { force: { type: "boolean" } }, 1);
  const dirArg = positionals[0];
  if (!dirArg) throw new UsageError("demo", "missing the folder to write the demo project into");
  const result = await writeDemoProject(path.resolve(dirArg), { force: values.force ?? false });
  for (const line of result.lines) process.stdout.write(`${line}\n`);
  return 0;
}

export async function writeDemoProject(dir: string, options: { force: boolean }) {
  const notebook = path.join(dir, DEMO_NOTEBOOK);
  try {
    await mkdir(path.join(dir, "data"), { recursive: true });
  } catch (error) {
    throw new LakebookError(
      "DEMO_UNWRITABLE",
      `Cannot create the demo project in ${dir}: ${(error as NodeJS.ErrnoException).code}`,
      {
        hint: "Choose a folder you can write to.",
      },
    );
  }
  const lines: string[] = [];
  const notebookExists = await access(notebook).then(
    () => true,
    () => false,
  );
  if (notebookExists && !options.force) {
    lines.push(`kept      ${notebook} (already there; --force replaces it)`);
  } else {
    await copyFile(template, notebook);
    lines.push(`notebook  ${notebook}`);
  }
  const data = await writeDemoData(path.join(dir, "data"));
  for (const file of [data.movies, data.series]) {
    lines.push(
      `data      ${file.path} (${file.rows.toLocaleString("en-US")} rows, ${formatBytes(file.bytes)})`,
    );
  }
  // Lakes and run state are generated; a demo project put under Git must not commit them.
  await writeFile(path.join(dir, ".gitignore"), ".lake/\n.lakebook/\n");
  lines.push(`Next: lakebook run ${path.relative(process.cwd(), notebook) || notebook}`);
  return { notebook, lines };
}
