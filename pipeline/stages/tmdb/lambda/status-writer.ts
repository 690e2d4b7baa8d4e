import type { ObjectStore } from "../../../lake";
import type { TmdbEnrichProgress } from "../enrich";
import type { LambdaRunReport } from "./run-files";

/**
 * Writes `status.json` for one invocation: `running` at most every `everyMs` (each is an S3 PUT),
 * then one final report. Writes go one after another, so a late `running` can never land over the
 * final status; a failed `running` write is dropped (the next one or the final report follows).
 */
export class StatusWriter {
  private chain: Promise<unknown> = Promise.resolve();
  private lastWrite = Number.NEGATIVE_INFINITY;
  private finished = false;

  constructor(
    private readonly store: ObjectStore,
    private readonly key: string,
    private readonly run: { runId: string; invocation: number },
    private readonly everyMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  running(progress: TmdbEnrichProgress, force = false): void {
    if (this.finished || (!force && this.now() - this.lastWrite < this.everyMs)) return;
    this.lastWrite = this.now();
    this.chain = this.chain.then(() => this.write({ state: "running", progress })).catch(() => undefined);
  }

  /** The invocation's last word; throws when it cannot be stored (Lakebook would wait in vain). */
  async finish(report: LambdaRunReport): Promise<void> {
    this.finished = true;
    await this.chain;
    await this.write(report);
  }

  private async write(report: LambdaRunReport): Promise<void> {
    const body = { ...this.run, updatedAt: new Date(this.now()).toISOString(), ...report };
    await this.store.put(this.key, `${JSON.stringify(body)}\n`, { contentType: "application/json" });
  }
}
