import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import type { ServiceEvent, ServiceReply } from "../../../pipeline/contract";
import { createRouter, openWorkspace, startHttpHost, statusPage } from "../../../pipeline/service";

/**
 * The service under load, through its real HTTP host and event socket: `queries` concurrent
 * `query.run` calls, each with an answer only it can have, while `longRuns` SQL cells write tables
 * of their own (`CREATE TABLE … AS`, through the catalog's swap) at the same time. Everything that
 * went wrong is listed in `problems`: a failed or wrong answer, an event lost, duplicated, crossed
 * to another run or of a run nobody started, a table holding another cell's rows.
 * Shared by tests/integration/reliability/load.test.ts (small) and the bench (big).
 */
export interface LoadOptions {
  queries: number;
  longRuns: number;
  /** Rows each long run writes. */
  rowsPerRun: number;
  /** How long to wait for every run.finished. */
  timeoutMs?: number;
}

export interface LoadOutcome {
  problems: string[];
  queriesAnswered: number;
  runsFinished: number;
  events: number;
  ms: number;
  /** Highest RSS seen during the load, minus the RSS before it. */
  peakRssGrowthMb: number;
}

const tableOf = (i: number) => `refined.load_${i}`;
const cellOf = (i: number) => `long_${i}`;

export async function serviceUnderLoad(options: LoadOptions): Promise<LoadOutcome> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-load-"));
  const cells = Array.from(
    { length: options.longRuns },
    (_, i) =>
      `\`\`\`sql {#${cellOf(i)}}\nCREATE TABLE ${tableOf(i)} AS\nSELECT x AS n, x % 97 AS k, '${cellOf(i)}' AS tag\nFROM range(${options.rowsPerRun}) t(x)\n\`\`\`\n`,
  );
  const notebook = path.join(dir, "load.lakebook.md");
  await writeFile(notebook, `---\nlakebook: 1\ntitle: Load\n---\n\n${cells.join("\n")}`);
  const workspace = await openWorkspace({ notebookPath: notebook, memoryLimit: "1GB" });
  const host = await startHttpHost(createRouter(workspace), { page: async () => statusPage(workspace) });
  const problems: string[] = [];
  const events: ServiceEvent[] = [];
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/events?token=${host.token}`);
  let rssBefore = 0;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    socket.on("message", (data) => events.push(JSON.parse(String(data)) as ServiceEvent));
    const call = async (method: string, params: unknown): Promise<ServiceReply> => {
      const response = await fetch(`http://127.0.0.1:${host.port}/rpc/${method}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${host.token}`, "Content-Type": "application/json" },
        body: JSON.stringify(params),
      });
      return (await response.json()) as ServiceReply;
    };

    rssBefore = process.memoryUsage().rss;
    peak = rssBefore;
    const started = performance.now();
    const runStarts = Array.from({ length: options.longRuns }, (_, i) =>
      call("cell.run", { cellId: cellOf(i) }),
    );
    const queries = Array.from({ length: options.queries }, async (_, i) => {
      // A sum only this query has: an answer crossed with another query's shows.
      const n = 1000 + i;
      const reply = await call("query.run", { sql: `SELECT ${i} AS i, sum(x) AS s FROM range(${n}) t(x)` });
      if (!reply.ok) return problems.push(`query ${i}: ${reply.error.code} ${reply.error.message}`);
      const row = (reply.result as { rows: Record<string, unknown>[] }).rows[0];
      if (Number(row?.i) !== i || Number(row?.s) !== (n * (n - 1)) / 2) {
        problems.push(`query ${i}: got ${JSON.stringify(row)}`);
      }
      return 0;
    });
    const runIds = new Map<string, string>(); // runId → cellId
    for (const [i, reply] of (await Promise.all(runStarts)).entries()) {
      if (reply.ok) runIds.set((reply.result as { runId: string }).runId, cellOf(i));
      else problems.push(`cell.run ${cellOf(i)}: ${reply.error.code} ${reply.error.message}`);
    }
    await Promise.all(queries);
    const finished = () =>
      new Set(events.flatMap((e) => (e.type === "run.finished" && runIds.has(e.runId) ? [e.runId] : [])))
        .size;
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    while (finished() < runIds.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const ms = performance.now() - started;
    const peakRssGrowthMb = Math.round((peak - rssBefore) / 2 ** 20);

    checkEvents(events, runIds, problems);
    for (let i = 0; i < options.longRuns; i++) {
      const reply = await call("query.run", {
        sql: `SELECT count(*) AS n, min(tag) AS a, max(tag) AS b FROM ${tableOf(i)}`,
      });
      const row = reply.ok ? (reply.result as { rows: Record<string, unknown>[] }).rows[0] : undefined;
      const expected = { n: options.rowsPerRun, a: cellOf(i), b: cellOf(i) };
      if (!row || Number(row.n) !== expected.n || row.a !== expected.a || row.b !== expected.b) {
        problems.push(`${tableOf(i)}: ${reply.ok ? JSON.stringify(row) : reply.error.message}`);
      }
    }
    const queriesAnswered = options.queries - problems.filter((p) => p.startsWith("query ")).length;
    return {
      problems,
      queriesAnswered,
      runsFinished: finished(),
      events: events.length,
      ms: Math.round(ms),
      peakRssGrowthMb,
    };
  } finally {
    clearInterval(sampler);
    socket.terminate();
    await host.close();
    await workspace.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every run's events: one started first, one finished last with an ok result, all for its own cell. */
function checkEvents(events: ServiceEvent[], runIds: Map<string, string>, problems: string[]): void {
  const byRun = new Map<string, ServiceEvent[]>();
  for (const event of events) {
    if (!("runId" in event)) continue;
    const cellId = runIds.get(event.runId);
    if (!cellId) {
      problems.push(`an event of a run nobody started: ${event.type} ${event.runId}`);
      continue;
    }
    if ("cellId" in event && event.cellId !== cellId) {
      problems.push(`${event.type} of run ${cellId} says cell ${event.cellId}`);
    }
    byRun.set(event.runId, [...(byRun.get(event.runId) ?? []), event]);
  }
  for (const [runId, cellId] of runIds) {
    const own = byRun.get(runId) ?? [];
    const types = own.map((event) => event.type);
    if (types.filter((type) => type === "run.started").length !== 1 || types[0] !== "run.started") {
      problems.push(`${cellId}: run.started not once and first (${types.join(", ")})`);
    }
    const last = own.at(-1);
    if (types.filter((type) => type === "run.finished").length !== 1 || last?.type !== "run.finished") {
      problems.push(`${cellId}: run.finished not once and last (${types.join(", ")})`);
    } else if (last.result.id !== cellId || last.result.status !== "ok") {
      problems.push(
        `${cellId}: finished ${last.result.id} ${last.result.status} ${last.result.error?.message ?? ""}`,
      );
    }
  }
}
