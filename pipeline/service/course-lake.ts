import { runAthenaQuery } from "../aws/athena";
import { attachCatalog, LocalCatalog } from "../catalog";
import type { Row } from "../contract";
import { LakebookError } from "../contract";
import type { CourseLake } from "../course";
import { DEFAULT_SELECT } from "../stages/tmdb/settings";
import type { Workspace } from "./workspace";

/**
 * The workspace as course mode sees it. Questions about table contents go where the tables are:
 * DuckDB over the attached local catalog, or Athena over the Glue Data Catalog on an aws target
 * (DuckDB cannot read S3 here). Every result page is read: most rules ask for counts (one row),
 * but the TMDB rule re-runs the cell's selection, which returns a row per title.
 */
export function courseLakeOf(workspace: Workspace): CourseLake {
  if (!workspace.notebook) {
    throw new LakebookError("NO_NOTEBOOK", "Course mode checks a notebook, and none is open.", {
      hint: "Give the notebook: `lakebook check path/to/notebook.lakebook.md`.",
    });
  }
  const target = workspace.target;
  const onAthena = target.kind === "aws" && !workspace.store.location.startsWith("file:");
  const sql = onAthena
    ? async (query: string): Promise<Row[]> => {
        const result = await runAthenaQuery({
          client: workspace.aws.athena(),
          sql: query,
          workgroup: target.workgroup ?? "primary",
          ...(target.athenaOutput ? { outputLocation: target.athenaOutput } : {}),
          database: "refined",
        });
        const rows = [...result.rows];
        for await (const page of result.morePages()) rows.push(...page);
        return rows;
      }
    : async (query: string): Promise<Row[]> => {
        const rows: Row[] = [];
        for await (const chunk of workspace.engine.stream(query)) rows.push(...chunk.rows);
        return rows;
      };
  return {
    notebook: workspace.notebook,
    notebookPath: workspace.notebookPath,
    baseDir: workspace.baseDir,
    target,
    lakeRoot: workspace.lakeRoot,
    store: workspace.store,
    catalog: workspace.catalog,
    sql,
    sqlEngine: onAthena ? "athena" : "duckdb",
    defaultTmdbSelect: DEFAULT_SELECT,
    refreshCatalog: async () => {
      // DuckDB's views over removed tables must go too, or the next query reads missing files.
      if (workspace.catalog instanceof LocalCatalog) {
        await attachCatalog(workspace.engine, workspace.catalog, workspace.lakeRoot);
      }
    },
  };
}
