import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { awsClients } from "../../pipeline/aws/clients";
import { attachCatalog, LocalCatalog } from "../../pipeline/catalog";
import { parseNotebook } from "../../pipeline/document";
import { Engine } from "../../pipeline/engine";
import { LocalFolderStore } from "../../pipeline/lake";
import type { StageContext } from "../../pipeline/stages";
import { transformStage } from "../../pipeline/stages/transform";
import { measure } from "./measure";

type Figures = Record<string, number | string>;
const DEMO = fileURLToPath(new URL("../../assets/demo/horror-subgenres.lakebook.md", import.meta.url));
const FULL_SIZE = 172 * 2 ** 20;

/**
 * The demo's trusted_movies transform over a full-size movies.csv (≈172 MB, ≈1 M rows): the cell as
 * Lakebook runs it (Spark SQL translated, Spark's CSV reading, staging, swap, catalog with a row
 * count), beside the same rows written by one hand-written DuckDB COPY (the floor).
 */
async function fullSize(work: (lake: string, engine: Engine) => Promise<Figures>): Promise<Figures> {
  const { writeMoviesCsv } = await import("./scenarios");
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-bench-transform-"));
  const lake = path.join(dir, ".lake");
  const engine = await Engine.open({ tempDirectory: path.join(dir, "spill") });
  try {
    const folder = path.join(lake, "Raw/Local/CSV/Movies/2026/11/25");
    await mkdir(folder, { recursive: true });
    const written = await writeMoviesCsv(path.join(folder, "movies.csv"), FULL_SIZE);
    const catalog = new LocalCatalog(lake);
    await catalog.put({
      database: "raw",
      name: "movies",
      zone: "raw",
      location: "Raw/Local/CSV/Movies/2026/11/25/",
      format: "csv",
      columns: [],
      rows: written.rows,
      producedBy: null,
    });
    await attachCatalog(engine, catalog, lake);
    return {
      csvMb: Math.round(written.bytes / 2 ** 20),
      csvRows: written.rows,
      ...(await work(lake, engine)),
    };
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const transformScenarios: Record<string, () => Promise<Figures>> = {
  "transform trusted_movies, full size": () =>
    fullSize(async (lake, engine) => {
      const notebook = parseNotebook(await readFile(DEMO, "utf8")).notebook;
      const cell = notebook.cells.find((c) => c.id === "trusted_movies");
      if (!cell) throw new Error("the demo has no trusted_movies cell");
      const context: StageContext = {
        notebook,
        notebookPath: DEMO,
        baseDir: path.dirname(lake),
        stateDir: path.join(path.dirname(lake), ".lakebook"),
        target: { kind: "local" },
        lakeRoot: lake,
        store: new LocalFolderStore(lake),
        engine,
        catalog: new LocalCatalog(lake),
        aws: awsClients(),
        signal: new AbortController().signal,
        progress: () => undefined,
        log: () => undefined,
      };
      let summary = "";
      const measured = await measure(async () => {
        summary = (await transformStage.run(cell, context)).summary;
      });
      return { ...measured, summary };
    }),
  "transform trusted_movies, hand-written DuckDB COPY (baseline)": () =>
    fullSize(async (lake, engine) => {
      const out = path.join(lake, "baseline.parquet").split(path.sep).join("/");
      const csv = path.join(lake, "Raw/Local/CSV/Movies/2026/11/25/movies.csv").split(path.sep).join("/");
      const measured = await measure(() =>
        engine.run(`COPY (SELECT id AS imdb_id, tituloPincipal AS titulo_principal, tituloOriginal AS titulo_original,
          TRY_CAST(anoLancamento AS INTEGER) AS ano_lancamento, TRY_CAST(tempoMinutos AS INTEGER) AS tempo_minutos,
          string_split(genero, ',') AS generos, TRY_CAST(notaMedia AS DOUBLE) AS nota_media,
          TRY_CAST(numeroVotos AS BIGINT) AS numero_votos, generoArtista AS genero_artista, personagem,
          nomeArtista AS nome_artista, TRY_CAST(anoNascimento AS INTEGER) AS ano_nascimento,
          TRY_CAST(anoFalecimento AS INTEGER) AS ano_falecimento, string_split(profissao, ',') AS profissoes,
          string_split(titulosMaisConhecidos, ',') AS titulos_mais_conhecidos,
          list_contains(string_split(genero, ','), 'Horror') AS is_horror,
          list_contains(string_split(genero, ','), 'Mystery') AS is_mystery
          FROM read_csv('${csv}', delim = '|', header = true, nullstr = '\\N', all_varchar = true))
          TO '${out}' (FORMAT parquet)`),
      );
      return { ...measured };
    }),
};
