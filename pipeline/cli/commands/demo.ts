import { access, copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LakebookError } from "../../contract";
import { writeDemoData } from "../../lake/demo/demo-data";
import { parseCommandArgs, UsageError } from "../args";
import { formatBytes } from "../output";

export type DemoLanguage = "en" | "pt-BR";
export const DEMO_LANGUAGES: readonly DemoLanguage[] = ["en", "pt-BR"];

/**
 * The demo notebook in each language the UI speaks: the same cells (SQL, tables, ids), so it runs
 * and passes the course checks the same way; its prose and chart titles are in the language.
 */
export const DEMO_NOTEBOOKS: Record<DemoLanguage, string> = {
  en: "horror-subgenres.lakebook.md",
  "pt-BR": "subgeneros-de-terror.lakebook.md",
};
export const DEMO_NOTEBOOK = DEMO_NOTEBOOKS.en;
const template = (language: DemoLanguage) =>
  fileURLToPath(new URL(`../../../assets/demo/${DEMO_NOTEBOOKS[language]}`, import.meta.url));

/** `--lang` read strictly: a language Lakebook has no demo in is a typing error. */
export function demoLanguage(command: string, value: string | undefined): DemoLanguage | undefined {
  if (value === undefined) return undefined;
  const found = DEMO_LANGUAGES.find((l) => l.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(command, `--lang must be ${DEMO_LANGUAGES.join(" or ")}, not ${value}`);
  return found;
}

/**
 * The language the UI will speak when no one chose: the system's (LC_ALL, LC_MESSAGES, LANG),
 * read as the UI reads the browser's: any Portuguese is pt-BR, everything else English.
 */
export function systemLanguage(env: NodeJS.ProcessEnv = process.env): DemoLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("pt") ? "pt-BR" : "en";
}

export async function demoCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "demo",
    argv,
    { force: { type: "boolean" }, lang: { type: "string" } },
    1,
  );
  const dirArg = positionals[0];
  if (!dirArg) throw new UsageError("demo", "missing the folder to write the demo project into");
  const language = demoLanguage("demo", values.lang) ?? "en";
  const result = await writeDemoProject(path.resolve(dirArg), { force: values.force ?? false, language });
  for (const line of result.lines) process.stdout.write(`${line}\n`);
  return 0;
}

export async function writeDemoProject(dir: string, options: { force: boolean; language?: DemoLanguage }) {
  const language = options.language ?? "en";
  const notebook = path.join(dir, DEMO_NOTEBOOKS[language]);
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
    await copyFile(template(language), notebook);
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
