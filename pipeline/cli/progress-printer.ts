import type { CellRunResult, ServiceEvent } from "../contract";
import { formatBytes } from "./output";
import { outputReport } from "./output-report";

type Writable = { write(text: string): unknown; isTTY?: boolean };

/** Human progress on stderr while stdout stays free for `--json`. */
export class ProgressPrinter {
  private lastProgressAt = 0;

  constructor(private readonly out: Writable) {}

  cellStarting(position: number, total: number, id: string, kind: string): void {
    this.out.write(`[${position}/${total}] ${id} (${kind}) …\n`);
  }

  handle(event: ServiceEvent): void {
    switch (event.type) {
      case "run.started":
        return;
      case "run.progress": {
        // At most two lines a second: progress is for people, not a log.
        const now = Date.now();
        if (now - this.lastProgressAt < 500 && event.done !== event.total) return;
        this.lastProgressAt = now;
        const bytes = event.unit === "bytes";
        const number = (n: number) => (bytes ? formatBytes(n) : n.toLocaleString("en-US"));
        // "120 of 384 titles (31%)": the unit once, after the total.
        const unit = bytes ? "" : ` ${event.unit}`;
        const amount = event.total
          ? `${number(event.done)} of ${number(event.total)}${unit} (${Math.floor((100 * event.done) / event.total)}%)`
          : `${number(event.done)}${unit}`;
        this.out.write(`      ${amount}${event.message ? ` · ${event.message}` : ""}\n`);
        return;
      }
      case "run.log":
        this.out.write(`      ${event.level === "info" ? "" : `${event.level}: `}${event.text}\n`);
        return;
      case "run.finished": {
        const { result } = event;
        const mark = result.status === "ok" ? "ok" : result.status;
        this.out.write(`      ${mark} in ${result.ms} ms — ${result.summary}\n`);
        const report = outputReport(result.output);
        if (report) this.out.write(`${indent(report)}\n`);
        if (result.error) {
          this.out.write(
            `      ${result.error.code}${result.error.hint ? `; hint: ${result.error.hint}` : ""}\n`,
          );
        }
        return;
      }
      case "notebook.changed":
        return;
      default: {
        const unhandled: never = event;
        // biome-ignore lint/correctness/noVoidTypeReturn: the exhaustiveness check; assigning to never fails to compile when an event kind is added
        return unhandled;
      }
    }
  }

  finished(results: CellRunResult[]): void {
    const count = (status: CellRunResult["status"]) => results.filter((r) => r.status === status).length;
    this.out.write(`${count("ok")} ok, ${count("error")} failed, ${count("skipped")} skipped\n`);
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? "" : `      ${line}`))
    .join("\n");
}
