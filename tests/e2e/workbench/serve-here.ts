import path from "node:path";
import { ensureBuiltUi } from "../../../pipeline/cli/built-ui";
import { createRouter, openWorkspace, startHttpHost, statusPage } from "../../../pipeline/service";
import { offlineEnv } from "../cli/run-cli";

/**
 * Offline in this process too, as `offlineEnv()` makes every `lakebook` child: no TMDB credentials
 * from the environment (the stage uses its offline sample), and a config folder of this process's
 * own, so no token kept in Settings is found and two test files never share one.
 */
export function goOffline(): void {
  const offline = offlineEnv();
  for (const name of Object.keys(process.env)) if (!(name in offline)) delete process.env[name];
  process.env.LAKEBOOK_CONFIG_DIR = offline.LAKEBOOK_CONFIG_DIR;
}

export interface ServedHere {
  url: string;
  stop(): Promise<void>;
}

/**
 * What `lakebook serve <notebook> --no-open` runs (lakebook's serve command: the built UI, the
 * workspace, the router, the loopback host on a free port with its own token), started in the test's
 * own process: a `lakebook` child costs seconds of CPU to start (tsx, the AWS SDK), this costs
 * milliseconds once the file's first one has loaded the pipeline. A test that needs the service as
 * a separate process (killed mid-edit, its own environment) still uses `serveNotebook`.
 */
export async function serveHere(notebook: string): Promise<ServedHere> {
  goOffline();
  const staticDir = await ensureBuiltUi();
  const workspace = await openWorkspace({ notebookPath: path.resolve(notebook) });
  const router = createRouter(workspace);
  const host = await startHttpHost(router, { port: 0, page: async () => statusPage(workspace), staticDir });
  return {
    url: host.url,
    stop: async () => {
      await host.close();
      await router.close();
      await workspace.close();
    },
  };
}
