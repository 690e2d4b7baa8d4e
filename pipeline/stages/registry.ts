import { LakebookError } from "../contract";
import type { Cell } from "../document";
import { checksStage } from "./checks";
import { ingestStage } from "./ingest";
import { markdownStage } from "./markdown";
import { sqlStage } from "./sql";
import type { Stage } from "./stage";
import { tmdbStage } from "./tmdb/tmdb-stage";
import { transformStage } from "./transform";

/** Cell kinds whose stage is built, keyed by the kind as written in the notebook file. */
const stages: Record<string, Stage> = {
  check: checksStage,
  ingest: ingestStage,
  markdown: markdownStage,
  sql: sqlStage,
  tmdb: tmdbStage,
  transform: transformStage,
};

/** Kinds Lakebook knows but whose stage has not been built yet; they fail loudly, never pass. */
const plannedStages: Record<string, string> = {
  chart: "chart cells",
  publish: "publishing to Amazon QuickSight",
};

export function stageFor(kind: string): Stage {
  const stage = stages[kind];
  if (stage) return stage;
  const planned = plannedStages[kind];
  return {
    run: async () => {
      if (planned) {
        throw new LakebookError("NOT_IMPLEMENTED", `This version of Lakebook cannot run ${kind} cells yet.`, {
          hint: `${planned} is not built in this version; the cell is kept in the file unchanged.`,
        });
      }
      throw new LakebookError("UNKNOWN_CELL_KIND", `Lakebook does not know cells of kind "${kind}".`, {
        hint: `Known kinds: ${[...Object.keys(stages), ...Object.keys(plannedStages)].join(", ")}. The cell is kept in the file unchanged.`,
      });
    },
  };
}

/** Reads and writes of every cell, for stale tracking; kinds without a rule have none. */
export function cellDependencies(cells: Cell[]): { id: string; reads: string[]; writes: string[] }[] {
  return cells.map((cell) => ({
    id: cell.id,
    ...(stages[cell.kind]?.dependencies?.(cell) ?? { reads: [], writes: [] }),
  }));
}
