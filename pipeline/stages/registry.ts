import { LakebookError } from "../contract";
import type { Cell } from "../document";
import { chartStage } from "./chart";
import { checksStage } from "./checks";
import { ingestStage } from "./ingest";
import { markdownStage } from "./markdown";
import { publishStage } from "./publish";
import { sqlStage } from "./sql";
import type { Stage } from "./stage";
import { tmdbStage } from "./tmdb/tmdb-stage";
import { transformStage } from "./transform";

/** Cell kinds whose stage is built, keyed by the kind as written in the notebook file. */
const stages: Record<string, Stage> = {
  chart: chartStage,
  check: checksStage,
  ingest: ingestStage,
  markdown: markdownStage,
  publish: publishStage,
  sql: sqlStage,
  tmdb: tmdbStage,
  transform: transformStage,
};

export function stageFor(kind: string): Stage {
  const stage = stages[kind];
  if (stage) return stage;
  return {
    run: async (cell) => {
      throw new LakebookError(
        "UNKNOWN_CELL_KIND",
        `Cell "${cell.id}": Lakebook does not know cells of kind "${kind}".`,
        {
          hint: `Known kinds: ${Object.keys(stages).join(", ")}. The cell is kept in the file unchanged.`,
        },
      );
    },
  };
}

/** Reads and writes of every cell, for stale tracking; kinds without a rule have none. */
export function cellDependencies(cells: Cell[]): { id: string; reads: string[]; writes: string[] }[] {
  return cells.map((cell) => ({
    id: cell.id,
    ...(stages[cell.kind]?.dependencies?.(cell, cells) ?? { reads: [], writes: [] }),
  }));
}
