/**
 * Format versions, oldest first. Reading an old file = parse it with that version's dialect, then run
 * the chain of migrations up to FORMAT_VERSION; the file itself is upgraded only when it is next saved.
 *
 * To add version N+1: bump FORMAT_VERSION, append a migration { from: N, to: N + 1 }, give dialectFor
 * any syntax the old version had, and add a fixture of version N to tests/fixtures/notebooks.
 */
import { LakebookError } from "../contract/errors";
import { FORMAT_VERSION, type Notebook } from "./model";
import type { ReadDialect } from "./syntax";

export interface Migration {
  from: number;
  to: number;
  /** What changes, in words a user could be shown. */
  summary: string;
  migrate(notebook: Notebook): Notebook;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    summary: "A plain Markdown file becomes a notebook: its ```sql (and other known) blocks become cells.",
    // The cells were already made by the version-0 dialect; what is left is to stamp the version.
    migrate: ({ meta: { lakebook: _old, ...rest }, cells }) => ({ meta: { lakebook: 1, ...rest }, cells }),
  },
];

/** The body syntax of each version. */
export function dialectFor(version: number): ReadDialect {
  return { bareKnownKindsAreCells: version === 0 };
}

export function migrate(notebook: Notebook, from: number): Notebook {
  let current = notebook;
  for (let version = from; version < FORMAT_VERSION; ) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new LakebookError("INTERNAL", `no migration from notebook format version ${version}`);
    current = step.migrate(current);
    version = step.to;
  }
  return current;
}
