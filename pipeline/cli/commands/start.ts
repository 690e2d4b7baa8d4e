import path from "node:path";
import { parseCommandArgs, portNumber } from "../args";
import { writeDemoProject } from "./demo";
import { serve } from "./serve";

export const startHelp = `Usage: lakebook start [dir] [--port N] [--no-open]

Creates the demo project in dir (default: ./demo, kept if it exists) and serves its notebook,
building the workbench UI first when it is missing or out of date.
  --port N    listen on port N; 0 or no --port: any free port
  --no-open   do not open the browser`;

export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "start",
    argv,
    { port: { type: "string" }, "no-open": { type: "boolean" } },
    1,
  );
  const port = portNumber("start", "--port", values.port);
  const dir = path.resolve(positionals[0] ?? "demo");
  const { notebook, lines } = await writeDemoProject(dir, { force: false });
  for (const line of lines.slice(0, -1)) process.stderr.write(`${line}\n`);
  return serve({ notebook, port, open: !values["no-open"] });
}
