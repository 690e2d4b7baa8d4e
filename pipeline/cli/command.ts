/**
 * One `lakebook` command as the help and the dispatcher see it. Registered once, in `commands.ts`:
 * `lakebook --help`, every command's `--help` and the unknown-command line are all drawn from there.
 */
export interface CliCommand {
  /** What the user types after `lakebook`. */
  name: string;
  /** One line for the command list, in the user's words. */
  summary: string;
  /** One command line a newcomer can copy as it is; starts with `lakebook <name>`. */
  example: string;
  /** The command's own `--help` text: its usage line, what it does, its options. */
  help: string;
  /** Exit code: 0 success, 1 the work failed; a `UsageError` thrown here becomes exit code 2. */
  run(argv: string[]): Promise<number>;
}
