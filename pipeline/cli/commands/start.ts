import path from "node:path";
import { parseCommandArgs, positiveInteger } from "../args";
import { writeDemoProject } from "./demo";
import { serve } from "./serve";

export const startHelp = `Usage: lakebook start [dir] [--port N] [--no-open]

Creates the demo project in dir (default: ./demo, kept if it exists) and serves its notebook.`;

export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "start",
    argv,
    { port: { type: "string" }, "no-open": { type: "boolean" } },
    1,
  );
  const dir = path.resolve(positionals[0] ?? "demo");
  const { notebook, lines } = await writeDemoProject(dir, { force: false });
  for (const line of lines.slice(0, -1)) process.stderr.write(`${line}\n`);
  const port = positiveInteger("start", "--port", values.port);
  return serve({ notebook, port, open: !values["no-open"] });
}
