import { UsageError } from "./args";
import { COMMANDS, findCommand } from "./commands";
import { commandHelp, lakebookVersion, usage } from "./help";
import { failure, printError } from "./output";

/** Exit codes: 0 success, 1 the work failed, 2 the command was typed wrong. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(`${usage(COMMANDS)}\n`);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${lakebookVersion()}\n`);
    return 0;
  }
  // `lakebook help serve` is what many people type first; it means `lakebook serve --help`.
  if (name === "help") return main(rest.length > 0 ? [...rest.slice(0, 1), "--help"] : ["--help"]);
  const command = findCommand(name);
  if (!command) {
    process.stderr.write(
      `lakebook: unknown command ${JSON.stringify(name)}. Commands: ${COMMANDS.map((c) => c.name).join(", ")} (lakebook --help)\n`,
    );
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${commandHelp(command, COMMANDS)}\n`);
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
