import { publicError } from "../service/public-error";

/** What the CLI shows of an error: `retryable` is for the UI's "Try again", not for a terminal. */
export type CliError = { code: string; message: string; hint?: string };

/** Exactly one JSON document on stdout, so `--json` output can be piped into other tools. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printError(error: CliError): void {
  process.stderr.write(`lakebook: ${error.message}\n`);
  if (error.hint) process.stderr.write(`  hint: ${error.hint}\n`);
}

/**
 * Errors shown to a user never carry a stack trace or a credential (the service's own scrub, so a
 * terminal sees what a client of the service would); `code` and `hint` tell them what to do.
 */
export function failure(error: unknown): CliError {
  const { code, message, hint } = publicError(error);
  return hint ? { code, message, hint } : { code, message };
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
