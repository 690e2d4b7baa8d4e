import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The shell's log: one line per event worth knowing after the fact (a notebook opened, a service
 * that failed to start and why). Written synchronously, so the line before a crash is there.
 * Never a secret: paths, codes and messages only.
 */
export function shellLog(logsDir: string): { file: string; write(line: string): void } {
  const file = path.join(logsDir, "lakebook.log");
  return {
    file,
    write(line) {
      try {
        mkdirSync(logsDir, { recursive: true });
        appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
      } catch {
        // A log that cannot be written must not take the app down with it.
      }
    },
  };
}
