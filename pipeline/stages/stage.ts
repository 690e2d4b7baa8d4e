import type { AwsClients } from "../aws/clients";
import type { Catalog } from "../catalog";
import { type CellOutput, LakebookError, type ServiceEvent, type TmdbCredentialKind } from "../contract";
import type { Cell, Notebook, Target } from "../document";
import type { Engine } from "../engine";
import type { ObjectStore } from "../lake";

/** Progress a stage reports while it works; the runner adds run and cell ids. */
export type StageProgress = Omit<
  Extract<ServiceEvent, { type: "run.progress" }>,
  "type" | "runId" | "cellId"
>;

/** Everything a stage may touch while running one cell. Stages never reach the service or the UI. */
export interface StageContext {
  notebook: Notebook;
  notebookPath: string | null;
  /** Folder that relative paths in cells resolve against (the notebook's folder). */
  baseDir: string;
  /** `.lakebook/` beside the notebook: checkpoints, caches and profiles; never the lake, never the file. */
  stateDir: string;
  target: Target;
  lakeRoot: string;
  store: ObjectStore;
  engine: Engine;
  catalog: Catalog;
  /**
   * AWS service clients, built once per workspace from the target's region and profile and made on
   * first use (a local run never makes any); tests give mocked ones.
   */
  aws: AwsClients;
  signal: AbortSignal;
  /**
   * The TMDB credential the user kept outside the notebook (the desktop's keychain, or the user-only
   * file of `lakebook serve`); the TMDB cell asks only when no TMDB variable is set.
   */
  storedTmdbCredential?(): Promise<{ kind: TmdbCredentialKind; value: string } | undefined>;
  progress(update: StageProgress): void;
  log(level: "info" | "warn" | "error", text: string): void;
}

/** What a stage returns when it succeeds; failures are thrown as LakebookError. */
export interface StageOutcome {
  summary: string;
  output?: CellOutput;
}

/**
 * A failure that still has something to show (a check cell's table of results): the run fails as
 * this error says, so Run all stops, and its result keeps `output` for the cell to draw.
 */
export class FailureWithOutput extends LakebookError {
  readonly output: CellOutput;

  constructor(
    code: string,
    message: string,
    options: ConstructorParameters<typeof LakebookError>[2] & { output: CellOutput },
  ) {
    const { output, ...rest } = options;
    super(code, message, rest);
    this.output = output;
  }
}

export interface Stage {
  run(cell: Cell, context: StageContext): Promise<StageOutcome>;
  /** Tables the cell reads and writes (`database.table`), read from its source without running it. */
  /** `cells`: the whole notebook, for kinds that read another cell (a chart reads its SQL cell). */
  dependencies?(cell: Cell, cells?: readonly Cell[]): { reads: string[]; writes: string[] };
}
