import { spawn } from "node:child_process";
import path from "node:path";
import { createRouter, openWorkspace, startHttpHost, statusPage } from "../../service";
import { parseCommandArgs, portNumber } from "../args";
import { ensureBuiltUi } from "../built-ui";

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "serve",
    argv,
    { port: { type: "string" }, "no-open": { type: "boolean" } },
    1,
  );
  const port = portNumber("serve", "--port", values.port);
  return serve({ notebook: positionals[0], port, open: !values["no-open"] });
}

export async function serve(options: {
  notebook?: string | undefined;
  port?: number | undefined;
  open: boolean;
}) {
  // Before anything listens: a missing or stale UI is built (or refused) rather than served.
  const builtUi = await ensureBuiltUi();
  const workspace = await openWorkspace({
    notebookPath: options.notebook ? path.resolve(options.notebook) : undefined,
  });
  const router = createRouter(workspace);
  const host = await startHttpHost(router, {
    port: options.port ?? 0,
    // The plain page only shows if the built UI vanishes while serving (another build emptying it).
    page: async () => statusPage(workspace),
    staticDir: builtUi,
  });
  // Listening for the stop signals before the URL is out: whoever reads the URL may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  process.stdout.write(`${host.url}\n`);
  process.stderr.write(
    `Lakebook is serving ${workspace.notebookPath ?? "no notebook"} on this computer only. Ctrl+C stops it.\n`,
  );
  if (options.open) openBrowser(host.url);
  await stopped;
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
