import { type ParseArgsConfig, parseArgs } from "node:util";

/** A mistake in how the command was typed: one line on stderr and exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedCommand<O extends Options> {
  values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };
  positionals: string[];
}

/** node:util parseArgs in strict mode, with its errors turned into one readable line. */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  maxPositionals: number,
): ParsedCommand<O> {
  let parsed: ParsedCommand<O>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as ParsedCommand<O>;
  } catch (error) {
    const message = (error as Error).message
      .replace(/^Unknown option '(.+?)'.*$/s, "unknown option $1")
      .replace(/^Option '(.+?)' argument missing.*$/s, "option $1 needs a value")
      .replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(command, message);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(
      command,
      `unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`,
    );
  }
  return parsed;
}

export function positiveInteger(
  command: string,
  flag: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(command, `${flag} expects a positive whole number, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** A TCP port to listen on. 0 asks the system for any free port, as it does for every server CLI. */
export function portNumber(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 65_535) {
    throw new UsageError(
      command,
      `${flag} expects a port from 0 to 65535 (0: any free port), got ${JSON.stringify(value)}`,
    );
  }
  return Number(value);
}
