/**
 * The process the crash tests kill: `node crash-child.mjs <action> …` (this file bundled by
 * crash-child-bundle.ts), with `LAKEBOOK_TEST_CRASH_AT` naming where it stops itself with SIGKILL (pipeline/lake/crash-point.ts).
 *
 *   save <notebook> <title>   saves the notebook with a new title through the service's saver
 *   cli <args…>               runs the `lakebook` command (run, query, catalog, …)
 */
import { main } from "../../../pipeline/cli/main";
import { saveNotebookFile } from "../../../pipeline/service/notebook-file";
import { readNotebookFile } from "../../../pipeline/service/workspace";

const [action, ...rest] = process.argv.slice(2);
if (action === "save") {
  const [file = "", title = ""] = rest;
  const { notebook } = await readNotebookFile(file);
  await saveNotebookFile(file, { ...notebook, meta: { ...notebook.meta, title } });
} else if (action === "cli") {
  process.exitCode = await main(rest);
} else {
  throw new Error(`unknown action ${action}`);
}
