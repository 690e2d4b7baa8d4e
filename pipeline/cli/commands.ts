import type { CliCommand } from "./command";
import { catalogCommand, catalogHelp } from "./commands/catalog";
import { demoCommand, demoHelp } from "./commands/demo";
import { exportCommand, exportHelp } from "./commands/export";
import { ingestCommand, ingestHelp } from "./commands/ingest";
import { queryCommand, queryHelp } from "./commands/query";
import { runCommand, runHelp } from "./commands/run";
import { serveCommand, serveHelp } from "./commands/serve";
import { startCommand, startHelp } from "./commands/start";

const NOTEBOOK = "demo/horror-subgenres.lakebook.md";

/**
 * Every `lakebook` command, in the order the help lists them (the order a newcomer meets them).
 * A new command is one entry here; the help and the dispatcher pick it up.
 */
export const COMMANDS: readonly CliCommand[] = [
  {
    name: "start",
    summary: "create the demo project in ./demo and open it in the browser",
    example: "lakebook start",
    help: startHelp,
    run: startCommand,
  },
  {
    name: "demo",
    summary: "write a demo project (notebook + the two CSV files)",
    example: "lakebook demo ./demo",
    help: demoHelp,
    run: demoCommand,
  },
  {
    name: "run",
    summary: "run a notebook headless on the local lake",
    example: `lakebook run ${NOTEBOOK}`,
    help: runHelp,
    run: runCommand,
  },
  {
    name: "serve",
    summary: "serve a notebook to the browser on 127.0.0.1",
    example: `lakebook serve ${NOTEBOOK} --port 0 --no-open`,
    help: serveHelp,
    run: serveCommand,
  },
  {
    name: "ingest",
    summary: "validate a CSV file and store it in the RAW zone",
    example: "lakebook ingest demo/data/movies.csv --lake demo/.lake",
    help: ingestHelp,
    run: ingestCommand,
  },
  {
    name: "query",
    summary: "run SQL on the local lake",
    example: `lakebook query "SELECT count(*) AS n FROM raw.movies" --notebook ${NOTEBOOK}`,
    help: queryHelp,
    run: queryCommand,
  },
  {
    name: "catalog",
    summary: "list the catalog's tables",
    example: `lakebook catalog --notebook ${NOTEBOOK}`,
    help: catalogHelp,
    run: catalogCommand,
  },
  {
    name: "export",
    summary: "write the notebook's charts as one self-contained HTML dashboard",
    example: `lakebook export ${NOTEBOOK} --html dashboard.html`,
    help: exportHelp,
    run: exportCommand,
  },
];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
