// SQL cells over TRUSTED/REFINED at full scale, as the workbench runs them (runCell: the query, its
// result kept in DuckDB, the first page read). Usage: node --import tsx sql-latency.ts <notebook dir>
// after a `lakebook run` left its lake there; prints one JSON line with every cell's ms.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openWorkspace, runCell } from "../../../pipeline/service";

/** Twenty questions a student or an analyst asks of the model and of TRUSTED. */
export const REPRESENTATIVE_QUERIES = [
  "SELECT count(*) AS titles, round(avg(imdb_rating), 2) AS avg_rating, sum(imdb_votes) AS votes FROM refined.fact_title_rating",
  `SELECT s.subgenre, count(*) AS titles, round(avg(f.imdb_rating), 2) AS avg_rating FROM refined.fact_title_rating f
   JOIN refined.bridge_title_subgenre b ON b.title_key = f.title_key JOIN refined.dim_subgenre s ON s.subgenre_key = b.subgenre_key
   GROUP BY s.subgenre ORDER BY avg_rating DESC`,
  "SELECT d.decade, t.kind, count(*) AS titles FROM refined.dim_title t JOIN refined.dim_date d ON d.date_key = t.release_date_key GROUP BY ALL ORDER BY ALL",
  "SELECT * FROM refined.dim_title ORDER BY title_key LIMIT 100",
  "SELECT kind, count(*) AS titles, avg(runtime_minutes) AS minutes FROM refined.dim_title GROUP BY kind",
  "SELECT release_year, count(*) AS titles FROM refined.dim_title WHERE is_horror GROUP BY release_year ORDER BY release_year",
  "SELECT t.title, f.imdb_rating, f.imdb_votes FROM refined.fact_title_rating f JOIN refined.dim_title t USING (title_key) ORDER BY f.imdb_votes DESC LIMIT 20",
  "SELECT count(*) FROM trusted.movies",
  "SELECT count(DISTINCT imdb_id) AS titles FROM trusted.movies",
  "SELECT ano_lancamento, count(DISTINCT imdb_id) AS titles FROM trusted.movies WHERE is_horror GROUP BY 1 ORDER BY 1",
  "SELECT nome_artista, count(*) AS credits FROM trusted.movies GROUP BY 1 ORDER BY 2 DESC LIMIT 10",
  "SELECT genero_artista, count(*) AS credits FROM trusted.series GROUP BY 1",
  "SELECT * FROM trusted.movies WHERE imdb_id = (SELECT max(imdb_id) FROM trusted.movies)",
  "SELECT round(avg(nota_media), 2) AS rating, is_horror FROM (SELECT DISTINCT imdb_id, nota_media, is_horror FROM trusted.series) GROUP BY is_horror",
  "SELECT genre, count(DISTINCT imdb_id) AS titles FROM (SELECT imdb_id, unnest(generos) AS genre FROM trusted.movies) GROUP BY 1 ORDER BY 2 DESC",
  "SELECT * FROM trusted.series LIMIT 1000",
  "SELECT p.name, count(*) AS titles FROM refined.bridge_title_person b JOIN refined.dim_person p USING (person_key) GROUP BY p.name ORDER BY titles DESC LIMIT 10",
  "SELECT title, budget, revenue FROM refined.fact_title_rating f JOIN refined.dim_title t USING (title_key) WHERE budget IS NOT NULL ORDER BY revenue DESC LIMIT 10",
  "SELECT decade, count(*) AS dates FROM refined.dim_date GROUP BY decade ORDER BY decade",
  "SELECT t.imdb_id, t.title, m.tmdb_id, m.popularity FROM refined.dim_title t JOIN trusted.tmdb_movies m USING (imdb_id) LIMIT 50",
] as const;

const [dir = ""] = process.argv.slice(2);
const notebookPath = path.join(dir, "sql-latency.lakebook.md");
const cells = REPRESENTATIVE_QUERIES.map((sql, i) => `\`\`\`sql {#q${i + 1}}\n${sql}\n\`\`\``).join("\n\n");
await writeFile(
  notebookPath,
  `---\nlakebook: 1\ntitle: SQL latency\ntarget:\n  kind: local\n---\n\n${cells}\n`,
);
const workspace = await openWorkspace({ notebookPath, lake: path.join(dir, ".lake") });
const ms: number[] = [];
try {
  for (const cell of workspace.notebook?.cells ?? []) {
    const started = performance.now();
    const result = await runCell(workspace, cell, {
      runId: cell.id,
      signal: new AbortController().signal,
      emit: () => undefined,
    });
    if (result.status !== "ok") throw new Error(`${cell.id}: ${result.error?.message ?? result.status}`);
    ms.push(Math.round(performance.now() - started));
  }
} finally {
  await workspace.close();
}
process.stdout.write(`${JSON.stringify({ ms })}\n`);
