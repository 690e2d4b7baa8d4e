import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type AwsClients, awsClients } from "../aws/clients";
import { GlueTables } from "../aws/glue";
import { attachCatalog, type Catalog, GlueCatalog, LocalCatalog, registerSwappedTables } from "../catalog";
import { LakebookError } from "../contract";
import {
  frontMatterPlace,
  type Notebook,
  NotebookFileError,
  notebookTarget,
  parseNotebook,
  type Target,
} from "../document";
import { Engine } from "../engine";
import { LocalFolderStore, type ObjectStore, recoverAfterCrash, S3Store } from "../lake";
import { type TmdbCredentialStore, UserFileTmdbCredentials } from "./tmdb-credential-store";

/**
 * A notebook (optional) bound to its lake: the object store, the engine and the catalog.
 * The CLI and the service both open one; stages receive its parts through StageContext.
 */
export interface Workspace {
  notebookPath: string | null;
  notebook: Notebook | null;
  migratedFrom: number | undefined;
  target: Target;
  baseDir: string;
  lakeRoot: string;
  /** `.lakebook/` beside the notebook: run state, outputs and caches; never in the notebook file. */
  stateDir: string;
  /** The lake's objects: the local folder, or the notebook's S3 bucket when its target is aws. */
  store: ObjectStore;
  engine: Engine;
  /** The local catalog, or the Glue Data Catalog when the target is aws. */
  catalog: Catalog;
  /** AWS clients for an aws target, made on first use; a local target never makes any. */
  aws: AwsClients;
  /** The user's TMDB credential outside every notebook (the keychain or the user-only file). */
  tmdbCredentials: TmdbCredentialStore;
  /**
   * Runs from now on on `target` (the notebook's, changed in the target form): its store, catalog
   * and AWS clients. The lake folder and its DuckDB stay; a target that names another lake folder
   * is refused (TARGET_LAKE_CHANGED) until the notebook is opened again. Nothing when unchanged.
   */
  useTarget(target: Target): Promise<void>;
  close(): Promise<void>;
}

export interface OpenWorkspaceOptions {
  notebookPath?: string | undefined;
  /** Overrides the notebook's lake folder (`--lake DIR`). */
  lake?: string | undefined;
  memoryLimit?: string | undefined;
  threads?: number | undefined;
  /** Where the TMDB credential is kept: the desktop app's keychain; else the user-only file. */
  tmdbCredentials?: TmdbCredentialStore | undefined;
}

export async function readNotebookFile(
  file: string,
): Promise<{ notebook: Notebook; migratedFrom?: number; text: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new LakebookError(
      "NOTEBOOK_NOT_FOUND",
      `Cannot read notebook ${file}: ${(error as Error).message}`,
      {
        hint: "Check the path, or create a demo project with `lakebook demo <dir>`.",
        cause: error,
        params: { file },
      },
    );
  }
  return { ...parseNotebook(text, file), text };
}

export async function openWorkspace(options: OpenWorkspaceOptions): Promise<Workspace> {
  const notebookPath = options.notebookPath ? path.resolve(options.notebookPath) : null;
  const parsed = notebookPath ? await readNotebookFile(notebookPath) : null;
  const notebook = parsed?.notebook ?? null;
  const target: Target = notebook ? notebookTarget(notebook) : { kind: "local" };
  const baseDir = notebookPath ? path.dirname(notebookPath) : process.cwd();
  const lakeRoot = lakeRootFor(options, target, baseDir);
  const stateDir = path.join(baseDir, ".lakebook");
  const aws = awsClientsFor(target);
  try {
    // The store checks the target's settings (an S3 bucket's name) before anything is touched.
    const store = placed(
      () => storeFor(target, lakeRoot, options.lake !== undefined, aws),
      notebookPath && parsed ? { file: notebookPath, text: parsed.text } : null,
    );
    return await openLake({ options, notebookPath, parsed, target, baseDir, lakeRoot, stateDir, aws, store });
  } catch (error) {
    aws.destroy();
    throw error;
  }
}

interface LakeParts {
  options: OpenWorkspaceOptions;
  notebookPath: string | null;
  parsed: Awaited<ReturnType<typeof readNotebookFile>> | null;
  target: Target;
  baseDir: string;
  lakeRoot: string;
  stateDir: string;
  aws: AwsClients;
  store: ObjectStore;
}

async function openLake(parts: LakeParts): Promise<Workspace> {
  const { options, notebookPath, parsed, target, baseDir, lakeRoot, stateDir, aws, store } = parts;
  const notebook = parsed?.notebook ?? null;
  await ensureWritableFolder(lakeRoot, "lake folder");
  await ensureWritableFolder(stateDir, "run-state folder");
  // The state folder holds outputs and caches; it must never be committed by accident.
  await writeFile(path.join(stateDir, ".gitignore"), "*\n");
  // A Lakebook killed mid-write left a swap half done or temp files: settle them before any read.
  const recovery = await recoverAfterCrash({
    lakeRoot,
    besideTargets: [
      ...(notebookPath ? [{ folder: baseDir, recursive: false }] : []),
      { folder: path.join(baseDir, "data"), recursive: false }, // uploads' and demo CSVs' temp files
      { folder: stateDir, recursive: true },
      { folder: path.join(lakeRoot, "_catalog"), recursive: true },
    ],
  });

  const engine = await Engine.open({
    tempDirectory: path.join(stateDir, "duckdb-tmp"),
    // SQL from a notebook (maybe someone else's) reaches only the lake, the data folder and run state.
    confineTo: [lakeRoot, path.join(baseDir, "data"), stateDir],
    ...(options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
  });
  const catalog = catalogFor(target, lakeRoot, options.lake !== undefined, aws);
  try {
    // A table swapped in by a process killed before its catalog update gets its entry now.
    if (catalog instanceof LocalCatalog)
      await registerSwappedTables(recovery.followUps, engine, catalog, lakeRoot);
    // Glue tables live in S3, which DuckDB cannot read here: only the local catalog is attached.
    if (catalog instanceof LocalCatalog) await attachCatalog(engine, catalog, lakeRoot);
  } catch (error) {
    await engine.close(); // a half-opened workspace must not keep DuckDB alive
    throw error;
  }
  // Clients of targets left behind: a run that started on one may still be using them.
  const retired: AwsClients[] = [];
  const workspace: Workspace = {
    notebookPath,
    notebook,
    migratedFrom: parsed?.migratedFrom,
    target,
    baseDir,
    lakeRoot,
    stateDir,
    store,
    engine,
    catalog,
    aws,
    tmdbCredentials: options.tmdbCredentials ?? new UserFileTmdbCredentials(),
    useTarget: async (next) => {
      if (sameTarget(workspace.target, next)) return;
      const nextRoot = lakeRootFor(options, next, baseDir);
      if (nextRoot !== lakeRoot) {
        throw new LakebookError(
          "TARGET_LAKE_CHANGED",
          `The notebook's target now names the lake folder ${nextRoot}, but ${lakeRoot} is open.`,
          {
            hint: "Open the notebook again to move to another lake folder; the open lake stays as it is until then.",
            params: { folder: nextRoot },
          },
        );
      }
      const nextAws = awsClientsFor(next);
      try {
        const nextStore = storeFor(next, lakeRoot, options.lake !== undefined, nextAws);
        const nextCatalog = catalogFor(next, lakeRoot, options.lake !== undefined, nextAws);
        // Back on the local catalog: its tables become addressable again as database.table.
        if (nextCatalog instanceof LocalCatalog) await attachCatalog(engine, nextCatalog, lakeRoot);
        retired.push(workspace.aws);
        Object.assign(workspace, { target: next, store: nextStore, catalog: nextCatalog, aws: nextAws });
      } catch (error) {
        nextAws.destroy();
        throw error;
      }
    },
    close: async () => {
      workspace.aws.destroy(); // the S3 store's client among them
      for (const old of retired.splice(0)) old.destroy();
      await engine.close();
    },
  };
  return workspace;
}

/** Two targets are the same when every field is: key order in the YAML does not count. */
function sameTarget(a: Target, b: Target): boolean {
  const canonical = (t: Target) => JSON.stringify(Object.entries(t).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

function lakeRootFor(options: OpenWorkspaceOptions, target: Target, baseDir: string): string {
  const lakeSetting = options.lake ?? (target.kind === "local" ? target.lake : undefined) ?? ".lake";
  return path.resolve(options.lake ? process.cwd() : baseDir, lakeSetting);
}

/** The Glue Data Catalog on an aws target (unless `--lake` forces a local folder), else the local one. */
function catalogFor(target: Target, lakeRoot: string, lakeForced: boolean, aws: AwsClients): Catalog {
  if (target.kind !== "aws" || lakeForced) return new LocalCatalog(lakeRoot);
  return new GlueCatalog({
    tables: new GlueTables({
      client: aws.glue(),
      bucket: target.bucket,
      ...(target.prefix ? { prefix: target.prefix } : {}),
    }),
  });
}

/**
 * The workspace's AWS clients, built once: the target's region and profile *name* (credentials from
 * the SDK's default chain), and for S3 the SDK's own variables for an S3-compatible server (tests,
 * MinIO), as the CLI's --s3 honours. A local target gets a factory that never makes a client.
 */
function awsClientsFor(target: Target): AwsClients {
  if (target.kind !== "aws") return awsClients();
  const endpoint = process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL;
  return awsClients({
    region: target.region,
    ...(target.profile ? { profile: target.profile } : {}),
    ...(endpoint ? { s3Endpoint: endpoint } : {}),
  });
}

/**
 * A target setting the store refuses (S3_BUCKET_INVALID) is given the notebook's file and the line of
 * the field, like every other mistake in the front matter. The document's schema does not check
 * bucket names: that is S3's rule, and the file must still open and round-trip to be corrected.
 */
function placed<T>(make: () => T, notebook: { file: string; text: string } | null): T {
  try {
    return make();
  } catch (error) {
    if (!notebook || !(error instanceof LakebookError) || error.code !== "S3_BUCKET_INVALID") throw error;
    const where = frontMatterPlace(notebook.text, notebook.file, ["target", "bucket"]);
    if (!where) throw error;
    throw new NotebookFileError(error.code, where, error.message, error.hint ? { hint: error.hint } : {});
  }
}

/**
 * An aws target stores RAW objects in its bucket; `--lake DIR` always means a local folder. DuckDB,
 * the catalog stand-in and run state stay local either way.
 */
function storeFor(target: Target, lakeRoot: string, lakeForced: boolean, aws: AwsClients): ObjectStore {
  if (target.kind !== "aws" || lakeForced) return new LocalFolderStore(lakeRoot);
  return new S3Store({
    bucket: target.bucket,
    ...(target.prefix ? { prefix: target.prefix } : {}),
    client: aws.s3(),
  });
}

async function ensureWritableFolder(folder: string, what: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    const probe = path.join(folder, `.lakebook-write-probe-${process.pid}`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    const exists = await stat(folder).then(
      (s) => s,
      () => undefined,
    );
    throw new LakebookError(
      "LAKE_UNWRITABLE",
      `Cannot write to the ${what} ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      {
        hint: exists
          ? "Check the folder's permissions, or choose another with --lake DIR."
          : "Choose a folder you can write to with --lake DIR.",
        cause: error,
      },
    );
  }
}
