import { UsageError } from "./args";
import { catalogCommand, catalogHelp } from "./commands/catalog";
import { demoCommand, demoHelp } from "./commands/demo";
import { doctorCommand, doctorHelp } from "./commands/doctor";
import { exportCommand, exportHelp } from "./commands/export";
import { ingestCommand, ingestHelp } from "./commands/ingest";
import { queryCommand, queryHelp } from "./commands/query";
import { runCommand, runHelp } from "./commands/run";
import { serveCommand, serveHelp } from "./commands/serve";
import { startCommand, startHelp } from "./commands/start";
import { failure, printError } from "./output";

const commands: Record<string, { run: (argv: string[]) => Promise<number>; help: string; summary: string }> =
  {
    demo: {
      run: demoCommand,
      help: demoHelp,
      summary: "write a demo project (notebook + the two CSV files)",
    },
    ingest: {
      run: ingestCommand,
      help: ingestHelp,
      summary: "validate a CSV file and store it in the RAW zone",
    },
    run: { run: runCommand, help: runHelp, summary: "run a notebook headless on the local lake" },
    query: { run: queryCommand, help: queryHelp, summary: "run SQL on the local lake" },
    catalog: { run: catalogCommand, help: catalogHelp, summary: "list the catalog's tables" },
    export: {
      run: exportCommand,
      help: exportHelp,
      summary: "write the notebook's charts as one self-contained HTML dashboard",
    },
    doctor: { run: doctorCommand, help: doctorHelp, summary: "check the AWS permissions every stage needs" },
    serve: { run: serveCommand, help: serveHelp, summary: "serve a notebook to the browser on 127.0.0.1" },
    start: { run: startCommand, help: startHelp, summary: "create the demo project and serve it" },
  };

const usage = `Usage: lakebook <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join("\n")}

Run "lakebook <command> --help" for a command's options.`;

/** Exit codes: 0 success, 1 the work failed, 2 the command was typed wrong. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage}\n`);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write("0.1.0\n");
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(
      `lakebook: unknown command ${JSON.stringify(name)}. Commands: ${Object.keys(commands).join(", ")}\n`,
    );
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `lakebook ${error.command}: ${error.message} (see lakebook ${error.command} --help)\n`,
      );
      return 2;
    }
    printError(failure(error));
    return 1;
  }
}
