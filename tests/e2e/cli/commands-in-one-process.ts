import { writeFile } from "node:fs/promises";
import { main } from "../../../pipeline/cli/main";

/**
 * Runs several `lakebook` commands one after another in this one process, as `bin/lakebook.js`
 * runs one (`main(argv)`, its return is the exit code), each with its stdout and stderr captured
 * apart, and writes [{code, stdout, stderr}] as JSON to the file named first. Started by
 * `lakebookInOneProcess` (run-cli.ts): a Node start with tsx costs a second or more, so checks of
 * quick answers (usage errors, help, small queries) share one.
 * Usage: node --import tsx commands-in-one-process.ts <results.json> '<JSON array of argv arrays>'
 */
type Write = typeof process.stdout.write;
const [resultsFile, commandsJson] = process.argv.slice(2);
const commands = JSON.parse(commandsJson ?? "[]") as string[][];
const results: { code: number; stdout: string; stderr: string }[] = [];

for (const argv of commands) {
  const captured = { stdout: "", stderr: "" };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const stream of ["stdout", "stderr"] as const) {
    process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as Write;
  }
  let code: number;
  try {
    code = await main(argv);
  } catch (error) {
    // What Node prints for an uncaught error, and its exit code.
    captured.stderr += `${error instanceof Error ? error.stack : String(error)}\n`;
    code = 1;
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
  results.push({ code, ...captured });
}
await writeFile(resultsFile ?? "", JSON.stringify(results));
