import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { awsClients } from "../../../../pipeline/aws/clients";
import { LocalCatalog } from "../../../../pipeline/catalog";
import type { Cell } from "../../../../pipeline/document";
import { Engine } from "../../../../pipeline/engine";
import { LocalFolderStore } from "../../../../pipeline/lake";
import type { StageContext, StageProgress } from "../../../../pipeline/stages";
import { movieRow, moviesFile } from "../../../unit/stages/ingest/csv/helpers";

/** A notebook folder with a lake, an engine and a catalog, as a workspace gives a stage. */
export interface IngestBench {
  dir: string;
  lakeRoot: string;
  store: LocalFolderStore;
  engine: Engine;
  catalog: LocalCatalog;
  progress: StageProgress[];
  logs: string[];
  context(overrides?: Partial<StageContext>): StageContext;
  writeFile(name: string, content: string | Uint8Array): Promise<string>;
  close(): Promise<void>;
}

export async function ingestBench(): Promise<IngestBench> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-ingest-"));
  const lakeRoot = path.join(dir, ".lake");
  const engine = await Engine.open({ threads: 2 });
  const store = new LocalFolderStore(lakeRoot);
  const catalog = new LocalCatalog(lakeRoot);
  const progress: StageProgress[] = [];
  const logs: string[] = [];
  return {
    dir,
    lakeRoot,
    store,
    engine,
    catalog,
    progress,
    logs,
    context: (overrides = {}) => ({
      notebook: { meta: { lakebook: 1, title: "Ingest" }, cells: [] },
      notebookPath: path.join(dir, "ingest.lakebook.md"),
      baseDir: dir,
      stateDir: path.join(dir, ".lakebook"),
      target: { kind: "local" },
      lakeRoot,
      store,
      engine,
      catalog,
      aws: awsClients(),
      signal: new AbortController().signal,
      progress: (update) => progress.push(update),
      log: (level, text) => logs.push(`${level}: ${text}`),
      ...overrides,
    }),
    writeFile: async (name, content) => {
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    close: async () => {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function ingestCell(source: string, id = "ingest_movies"): Cell {
  return { id, kind: "ingest", attrs: [], source };
}

/** A movies.csv of `titles` titles with `perTitle` artist rows each (the row-per-artist layout), ids sorted. */
export function moviesCsv(titles: number, perTitle = 3): string {
  const rows: string[] = [];
  for (let t = 0; t < titles; t++) {
    for (let a = 0; a < perTitle; a++) {
      rows.push(
        movieRow({
          id: `tt${String(1_000_000 + t).padStart(7, "0")}`,
          tituloPincipal: `Título ${t}`,
          anoLancamento: String(1960 + (t % 60)),
          nomeArtista: `Artist ${t}-${a}`,
          personagem: a === 0 ? "\\N" : `Role ${a}`,
        }),
      );
    }
  }
  return moviesFile(...rows);
}
