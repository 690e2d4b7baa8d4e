import { readFileSync } from "node:fs";
import type { CliCommand } from "./command";

/** The version users see is package.json's, so a release bump is one edit. */
export function lakebookVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}

/** `lakebook --help`: every registered command with what it does and one line to copy. */
export function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const list = commands
    .map(
      (command) =>
        `  ${command.name.padEnd(width)}${command.summary}\n  ${" ".repeat(width)}${command.example}`,
    )
    .join("\n");
  return `Usage: lakebook <command> [options]

Commands:
${list}

Options:
  --help, -h      this list; "lakebook <command> --help" for a command's options
  --version, -v   print Lakebook's version`;
}

/**
 * `lakebook <command> --help`: the command's own text and example, then one example of every other
 * command, so whoever asked about one command also sees what else exists.
 */
export function commandHelp(command: CliCommand, commands: readonly CliCommand[]): string {
  const others = commands
    .filter((other) => other !== command)
    .map((other) => `  ${other.example}`)
    .join("\n");
  return `${command.help}

Example:
  ${command.example}

Other commands ("lakebook --help" says what each does):
${others}`;
}
