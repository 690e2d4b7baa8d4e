import { parse } from "yaml";
import type { Cell, Notebook } from "../document";

/**
 * What the rules need from the notebook's cells, read leniently: a cell whose settings do not parse
 * is the stage's error to report when it runs, so here it simply contributes nothing.
 */
function settingsOf(cell: Cell): Record<string, unknown> {
  try {
    const value: unknown = parse(cell.source);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export interface IngestSource {
  cellId: string;
  dataset: "movies" | "series" | undefined;
  /** As written in the cell: relative to the notebook's folder. */
  file: string;
}

/** The CSV files the ingest cells upload, with the dataset each names (or its file name implies). */
export function ingestSources(notebook: Notebook): IngestSource[] {
  const sources: IngestSource[] = [];
  for (const cell of notebook.cells.filter((c) => c.kind === "ingest")) {
    const settings = settingsOf(cell);
    const files = Array.isArray(settings.files) ? settings.files : [settings.file];
    for (const file of files) {
      if (typeof file !== "string" || file.trim() === "") continue;
      const named =
        settings.dataset === "movies" || settings.dataset === "series" ? settings.dataset : undefined;
      const base = file.split(/[\\/]/).at(-1)?.toLowerCase() ?? "";
      const implied = base.startsWith("movies") ? "movies" : base.startsWith("series") ? "series" : undefined;
      sources.push({ cellId: cell.id, dataset: named ?? implied, file: file.trim() });
    }
  }
  return sources;
}

/** The TMDB cell and its `select` SQL (undefined when it relies on the stage's default). */
export function tmdbCell(notebook: Notebook): { cellId: string; select: string | undefined } | undefined {
  const cell = notebook.cells.find((c) => c.kind === "tmdb");
  if (!cell) return undefined;
  const select = settingsOf(cell).select;
  return { cellId: cell.id, select: typeof select === "string" && select.trim() ? select : undefined };
}

/** The publish cell's `charts:` list, when there is a publish cell. */
export function publishedCharts(notebook: Notebook): { cellId: string; charts: string[] } | undefined {
  const cell = notebook.cells.find((c) => c.kind === "publish");
  if (!cell) return undefined;
  const charts = settingsOf(cell).charts;
  return {
    cellId: cell.id,
    charts: Array.isArray(charts) ? charts.filter((c): c is string => typeof c === "string") : [],
  };
}

/** The first cell of `kind`, for rules whose data has no recorded producer. */
export function firstCellOf(notebook: Notebook, kind: string): string | undefined {
  return notebook.cells.find((c) => c.kind === kind)?.id;
}
