import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRouter, openWorkspace, startHttpHost, statusPage } from "../../service";
import { parseCommandArgs, positiveInteger } from "../args";

export const serveHelp = `Usage: lakebook serve [notebook] [--port N] [--no-open]

Starts the Lakebook service on 127.0.0.1 and prints its URL (with the access token) on the first line.
  --port N    listen on port N (default: a free port)
  --no-open   do not open the browser`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "serve",
    argv,
    { port: { type: "string" }, "no-open": { type: "boolean" } },
    1,
  );
  const port = positiveInteger("serve", "--port", values.port);
  return serve({ notebook: positionals[0], port, open: !values["no-open"] });
}

/** The workbench UI as built by `npm run build:ui`; without it, a plain page lists the cells. */
const BUILT_UI = fileURLToPath(new URL("../../../renderer/dist", import.meta.url));

export async function serve(options: {
  notebook?: string | undefined;
  port?: number | undefined;
  open: boolean;
}) {
  const workspace = await openWorkspace({
    notebookPath: options.notebook ? path.resolve(options.notebook) : undefined,
  });
  const router = createRouter(workspace);
  const host = await startHttpHost(router, {
    port: options.port ?? 0,
    page: async () => statusPage(workspace),
    staticDir: existsSync(path.join(BUILT_UI, "index.html")) ? BUILT_UI : undefined,
  });
  process.stdout.write(`${host.url}\n`);
  process.stderr.write(
    `Lakebook is serving ${workspace.notebookPath ?? "no notebook"} on this computer only. Ctrl+C stops it.\n`,
  );
  if (options.open) openBrowser(host.url);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await host.close();
  await router.close();
  await workspace.close();
  return 0;
}

function openBrowser(url: string): void {
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  // A missing opener (a server, CI) is not an error: the URL is already on stdout.
  const child = spawn(command, [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}
