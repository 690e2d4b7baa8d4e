import { z } from "zod";
import { awsAccountMethods } from "./aws-account";
import { awsDoctorMethod } from "./aws-doctor";
import { CatalogTableSchema } from "./catalog";
import { courseMethods } from "./course";
import { NotebookSchema } from "./notebook";
import { QueryResultSchema, RowSchema } from "./results";
import { RestoredRunSchema, RunStateSchema } from "./runs";
import { tmdbCredentialMethods } from "./tmdb-credential";

const Empty = z.object({});

/**
 * Every method of the service: name → params and result schemas.
 * Both transports (HTTP and Electron IPC) validate with these same schemas at the boundary.
 * Long work (`cell.run`) returns a run id at once; progress arrives as events.
 */
export const methods = {
  "service.info": {
    params: Empty,
    result: z.object({
      version: z.string(),
      notebookPath: z.string().nullable(),
      lake: z.string(),
      target: z.enum(["local", "aws"]),
    }),
  },
  "notebook.open": {
    params: Empty,
    result: z.object({
      path: z.string(),
      notebook: NotebookSchema,
      migratedFrom: z.number().int().optional(),
      /** Edits journaled after the file's last save (a crash or a kill): offered back to the user. */
      recovered: z.object({ notebook: NotebookSchema, journaledAt: z.string() }).optional(),
    }),
  },
  "notebook.journal": {
    params: z.object({ notebook: NotebookSchema }),
    result: z.object({ journaledAt: z.string() }),
  },
  "notebook.discardJournal": {
    params: Empty,
    result: Empty,
  },
  "notebook.dependencies": {
    params: z.object({ notebook: NotebookSchema }),
    result: z.object({
      cells: z.array(z.object({ id: z.string(), reads: z.array(z.string()), writes: z.array(z.string()) })),
    }),
  },
  "notebook.save": {
    /**
     * Refused with NOTEBOOK_CHANGED_ON_DISK when the file changed since the service last read or
     * wrote it; `overwrite: true` is the user's explicit "keep mine".
     */
    params: z.object({ notebook: NotebookSchema, overwrite: z.boolean().optional() }),
    result: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  "notebook.lastRuns": {
    /** Each cell's last recorded run, oldest first: what the UI shows again after a reload. */
    params: Empty,
    result: z.object({ runs: z.array(RestoredRunSchema) }),
  },
  "cell.run": {
    params: z.object({ cellId: z.string() }),
    result: z.object({ runId: z.string() }),
  },
  "run.status": {
    params: z.object({ runId: z.string() }),
    result: RunStateSchema,
  },
  "run.cancel": {
    params: z.object({ runId: z.string() }),
    result: z.object({ cancelled: z.boolean() }),
  },
  "query.run": {
    params: z.object({ sql: z.string().min(1), pageSize: z.number().int().min(1).max(10_000).optional() }),
    result: QueryResultSchema,
  },
  "query.page": {
    params: z.object({
      resultId: z.string(),
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(10_000),
    }),
    result: z.object({ rows: z.array(RowSchema) }),
  },
  "query.release": {
    params: z.object({ resultId: z.string() }),
    result: Empty,
  },
  "catalog.list": {
    params: Empty,
    result: z.object({ tables: z.array(CatalogTableSchema) }),
  },
  "aws.doctor": awsDoctorMethod,
  ...awsAccountMethods,
  "lake.list": {
    params: z.object({ prefix: z.string() }),
    result: z.object({
      objects: z.array(z.object({ key: z.string(), size: z.number().int(), lastModified: z.string() })),
    }),
  },
  /** RAW is append-only but for this: one file ingested by mistake, by its exact key (the UI confirms first). */
  "lake.removeRawFile": {
    params: z.object({ key: z.string().min(1) }),
    result: z.object({
      removed: z.string(),
      tables: z.array(z.object({ table: z.string(), action: z.enum(["removed", "kept"]) })),
    }),
  },
  ...courseMethods,
  ...tmdbCredentialMethods,
} as const;

export type MethodName = keyof typeof methods;
export type MethodParams<M extends MethodName> = z.input<(typeof methods)[M]["params"]>;
export type MethodResult<M extends MethodName> = z.output<(typeof methods)[M]["result"]>;
