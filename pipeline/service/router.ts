import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { listProfileNames, whoAmI } from "../aws/sts";
import {
  type CellRunResult,
  type DownloadMethodName,
  LakebookError,
  type MethodName,
  type MethodResult,
  type methods,
  type RunState,
  type ServiceEvent,
  ServiceEventSchema,
  type UploadMethodName,
} from "../contract";
import { checkCourse, resetPlan, resetStage } from "../course";
import { notebookTarget, parseNotebook, writeNotebook } from "../document";
import { cellDependencies } from "../stages";
import { runAwsDoctor } from "./aws-doctor";
import { runCell } from "./cell-runner";
import { courseLakeOf } from "./course-lake";
import { clearJournal, journalFile, readNewerJournal, writeJournal } from "./journal";
import { readLastOutputs, recordLastOutput } from "./last-outputs";
import { saveNotebookFile } from "./notebook-file";
import { watchNotebookFile } from "./notebook-watch";
import { removeRawFile } from "./remove-raw-file";
import type { Download } from "./result-export";
import { recordRunResults } from "./run-state";
import { type StreamMethodOptions, streamHandlers } from "./stream-methods";
import { testTargetConnection } from "./target-connection";
import { saveTmdbCredential, tmdbCredentialStatus } from "./tmdb-credential-store";
import type { Workspace } from "./workspace";

type Handlers = {
  [M in MethodName]: (
    params: z.output<(typeof methods)[M]["params"]>,
  ) => Promise<z.input<(typeof methods)[M]["result"]>>;
};

/**
 * The contract's methods on one workspace. Transports never call it directly: the dispatcher
 * (`dispatcher.ts`) validates params against the contract first, checks results, and turns a throw
 * into the error shape. Every method throws LakebookError on failure.
 */
export interface ServiceRouter {
  /** `params` as the method's params schema parsed them. */
  call<M extends MethodName>(method: M, params: unknown): Promise<MethodResult<M>>;
  /** A stream method whose bytes go to the client; the head is known before any byte. */
  download(method: DownloadMethodName, params: unknown, signal?: AbortSignal): Promise<Download>;
  /** A stream method whose bytes come from the client; resolves with the method's result. */
  upload(
    method: UploadMethodName,
    params: unknown,
    body: AsyncIterable<Uint8Array>,
    signal?: AbortSignal,
  ): Promise<unknown>;
  subscribe(listener: (event: ServiceEvent) => void): () => void;
  close(): Promise<void>;
}

const VERSION = "0.1.0";
const KEPT_RUNS = 200;

/** The one implementation of the contract; both transports (HTTP and Electron IPC) call into it. */
export function createRouter(workspace: Workspace, options: StreamMethodOptions = {}): ServiceRouter {
  const listeners = new Set<(event: ServiceEvent) => void>();
  const runs = new Map<string, RunState & { controller: AbortController }>();
  const emit = (event: ServiceEvent) => {
    ServiceEventSchema.parse(event);
    for (const listener of listeners) listener(event);
  };

  // The text last read or written by the service: a change to anything else came from outside.
  let knownText = workspace.notebook ? writeNotebook(workspace.notebook) : "";
  let lastRead: string | undefined;
  const stopWatching = workspace.notebookPath
    ? watchNotebookFile(
        workspace.notebookPath,
        (text) => text === knownText || text === lastRead,
        () => emit({ type: "notebook.changed", path: workspace.notebookPath ?? "" }),
      )
    : () => undefined;

  // Finished runs are kept for run.status, but not forever: a long session runs thousands of cells.
  const forgetOldRuns = () => {
    const finished = [...runs.values()].filter((run) => run.status !== "running");
    for (const run of finished.slice(0, Math.max(0, finished.length - KEPT_RUNS))) runs.delete(run.runId);
  };

  const requireNotebook = () => {
    if (!workspace.notebook || !workspace.notebookPath) {
      throw new LakebookError("NO_NOTEBOOK", "No notebook is open in this service.", {
        hint: "Start the service with a notebook: `lakebook serve path/to/notebook.lakebook.md`.",
      });
    }
    return { notebook: workspace.notebook, path: workspace.notebookPath };
  };

  const handlers: Handlers = {
    "service.info": async () => ({
      version: VERSION,
      notebookPath: workspace.notebookPath,
      lake: workspace.lakeRoot,
      target: workspace.target.kind,
    }),
    "notebook.open": async () => {
      const { path } = requireNotebook();
      // Re-read so the UI sees edits made on disk since the service started.
      lastRead = await readFile(path, "utf8");
      const parsed = parseNotebook(lastRead, path);
      workspace.notebook = parsed.notebook;
      knownText = writeNotebook(parsed.notebook);
      const recovered = await readNewerJournal(journalFile(workspace.stateDir, path), path, parsed.notebook);
      return {
        path,
        notebook: parsed.notebook,
        ...(parsed.migratedFrom !== undefined ? { migratedFrom: parsed.migratedFrom } : {}),
        ...(recovered ? { recovered } : {}),
      };
    },
    "notebook.save": async ({ notebook, overwrite }) => {
      const { path } = requireNotebook();
      // Never overwrite someone else's edit (or a file that no longer parses) without being told to.
      const onDisk = await readFile(path, "utf8").catch(() => undefined);
      if (!overwrite && onDisk !== undefined && onDisk !== knownText && onDisk !== lastRead) {
        throw new LakebookError(
          "NOTEBOOK_CHANGED_ON_DISK",
          `${path} changed on disk since Lakebook last read it.`,
          {
            hint: "Reload it to see the change, or keep your version, which replaces the file.",
            params: { file: path },
          },
        );
      }
      knownText = writeNotebook(notebook);
      const bytes = await saveNotebookFile(path, notebook);
      workspace.notebook = notebook;
      await clearJournal(journalFile(workspace.stateDir, path));
      return { path, bytes };
    },
    "notebook.journal": async ({ notebook }) => {
      const { path } = requireNotebook();
      return { journaledAt: await writeJournal(journalFile(workspace.stateDir, path), notebook) };
    },
    "notebook.discardJournal": async () => {
      const { path } = requireNotebook();
      await clearJournal(journalFile(workspace.stateDir, path));
      return {};
    },
    "notebook.dependencies": async ({ notebook }) => ({ cells: cellDependencies(notebook.cells) }),
    "notebook.lastRuns": async () => {
      const { path } = requireNotebook();
      return { runs: await readLastOutputs(workspace.stateDir, path) };
    },
    "cell.run": async ({ cellId }) => {
      const { notebook, path } = requireNotebook();
      const cell = notebook.cells.find((c) => c.id === cellId);
      if (!cell)
        throw new LakebookError("CELL_NOT_FOUND", `No cell with id "${cellId}" in ${path}.`, {
          params: { cell: cellId },
        });
      // A target changed in the form (and saved) applies from this run on, without reopening.
      await workspace.useTarget(notebookTarget(notebook));
      const runId = randomUUID();
      const controller = new AbortController();
      const state = {
        runId,
        cellId,
        status: "running" as const,
        startedAt: new Date().toISOString(),
        controller,
      };
      runs.set(runId, state);
      // Long work: answer with the run id at once; the result arrives as a run.finished event.
      void runCell(workspace, cell, { runId, signal: controller.signal, emit }).then(
        async (result: CellRunResult) => {
          runs.set(runId, { ...state, status: result.status === "ok" ? "ok" : "error", result });
          forgetOldRuns();
          await recordRunResults(workspace.stateDir, path, [result]).catch(() => undefined);
          await recordLastOutput(workspace.stateDir, path, result, cell.source).catch(() => undefined);
        },
      );
      return { runId };
    },
    "run.status": async ({ runId }) => {
      const run = runs.get(runId);
      if (!run) throw new LakebookError("RUN_NOT_FOUND", `No run with id ${runId}.`);
      const { controller: _controller, ...state } = run;
      return state;
    },
    "run.cancel": async ({ runId }) => {
      const run = runs.get(runId);
      if (run?.status !== "running") return { cancelled: false };
      run.controller.abort();
      return { cancelled: true };
    },
    "query.run": async ({ sql, pageSize }) => workspace.engine.query(sql, pageSize ? { pageSize } : {}),
    "query.page": async ({ resultId, offset, limit }) => ({
      rows: await workspace.engine.page(resultId, offset, limit),
    }),
    "query.release": async ({ resultId }) => {
      await workspace.engine.release(resultId);
      return {};
    },
    "catalog.list": async () => ({ tables: await workspace.catalog.list() }),
    "aws.doctor": () => runAwsDoctor(workspace),
    "aws.profiles": async () => ({ profiles: await listProfileNames() }),
    "aws.whoAmI": async ({ profile, region }) => {
      const picked = { ...(profile ? { profile } : {}), ...(region ? { region } : {}) };
      return { ...picked, ...(await whoAmI(picked)) };
    },
    "aws.testConnection": async (target) => testTargetConnection(target),
    // The credential goes in and never comes out: each answer is the status, not the value.
    "tmdbCredential.status": async () => tmdbCredentialStatus(workspace.tmdbCredentials),
    "tmdbCredential.save": async ({ kind, value }) => {
      await saveTmdbCredential(workspace.tmdbCredentials, kind, value);
      return tmdbCredentialStatus(workspace.tmdbCredentials);
    },
    "tmdbCredential.remove": async () => {
      await workspace.tmdbCredentials.forget();
      return tmdbCredentialStatus(workspace.tmdbCredentials);
    },
    "lake.list": async ({ prefix }) => {
      const objects = [];
      for await (const info of workspace.store.list(prefix)) {
        objects.push({ key: info.key, size: info.size, lastModified: info.lastModified.toISOString() });
      }
      return { objects };
    },
    "lake.removeRawFile": async ({ key }) => removeRawFile(workspace, key),
    "course.check": async ({ stage }) => checkCourse(courseLakeOf(workspace), stage),
    "course.resetPlan": async ({ stage }) => resetPlan(courseLakeOf(workspace), stage),
    "course.reset": async ({ stage, items }) => resetStage(courseLakeOf(workspace), stage, items),
  };

  const streams = streamHandlers(workspace, options);

  return {
    async call(method, params) {
      const handler = handlers[method] as ((p: unknown) => Promise<unknown>) | undefined;
      if (!handler)
        throw new LakebookError("UNKNOWN_METHOD", `The service has no method "${String(method)}".`);
      return (await handler(params)) as MethodResult<typeof method>;
    },
    download(method, params, signal) {
      const handler = streams.download[method] as (p: unknown, s?: AbortSignal) => Promise<Download>;
      return handler(params, signal);
    },
    upload(method, params, body, signal) {
      const handler = streams.upload[method] as (
        p: unknown,
        b: AsyncIterable<Uint8Array>,
        s?: AbortSignal,
      ) => Promise<unknown>;
      return handler(params, body, signal);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      stopWatching();
      for (const run of runs.values()) run.controller.abort();
      listeners.clear();
    },
  };
}
