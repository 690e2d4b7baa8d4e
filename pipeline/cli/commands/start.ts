import path from "node:path";
import { parseCommandArgs, portNumber } from "../args";
import { demoLanguage, systemLanguage, writeDemoProject } from "./demo";
import { serve } from "./serve";

export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "start",
    argv,
    { port: { type: "string" }, "no-open": { type: "boolean" }, lang: { type: "string" } },
    1,
  );
  const port = portNumber("start", "--port", values.port);
  const dir = path.resolve(positionals[0] ?? "demo");
  // The workbench follows the system's language unless told otherwise, and so does its demo.
  const language = demoLanguage("start", values.lang) ?? systemLanguage();
  const { notebook, lines } = await writeDemoProject(dir, { force: false, language });
  for (const line of lines.slice(0, -1)) process.stderr.write(`${line}\n`);
  return serve({ notebook, port, open: !values["no-open"] });
}
