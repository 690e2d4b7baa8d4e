// @vitest-environment jsdom

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CellOutputSchema, type TransformOutput as TransformOutputData } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { hasRenderer } from "../../../../renderer/src/outputs/registry";
import { TransformOutput } from "../../../../renderer/src/outputs/transform/TransformOutput";
import { WorkbenchProvider } from "../../../../renderer/src/state/workbench-context";
import { notebookOf } from "../helpers/fake-service";
import { type Harness, harness } from "../helpers/workbench";

/** A real output, recorded from the demo notebook's fact_title_rating cell (a local run). */
// A path, not a URL: jsdom replaces the global URL class, which node:fs does not accept.
const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = readFileSync(path.join(here, "fixtures", "fact-title-rating.transform-output.json"), "utf8");
const parsed = CellOutputSchema.parse(JSON.parse(recorded));
if (parsed.type !== "transform") throw new Error("fixture is not a transform output");
const fact: TransformOutputData = parsed;

/** The same cell run on AWS Glue: no preview, no translation notes, a job run with its cost. */
const onGlue: TransformOutputData = {
  ...fact,
  engine: "glue",
  notes: [],
  preview: undefined,
  glue: {
    jobName: "lakebook-transform-fact_title_rating",
    runId: "jr_5d2c0e9f01",
    state: "SUCCEEDED",
    executionSeconds: 74,
    dpuSeconds: 148,
    costUsd: 0.0182,
  },
};

/** The demo's trusted.movies, written partitioned by dt, with a note from the translation. */
const partitioned: TransformOutputData = {
  ...fact,
  table: {
    ...fact.table,
    database: "trusted",
    name: "movies",
    zone: "trusted",
    location: "Trusted/Local/Parquet/movies/",
    rows: 9575,
    columns: [
      { name: "imdb_id", type: "VARCHAR" },
      { name: "titulo", type: "VARCHAR" },
    ],
    partitionKeys: [{ name: "dt", type: "DATE" }],
    role: undefined,
    primaryKey: undefined,
    foreignKeys: undefined,
    producedBy: { cell: "trusted_movies", inputs: ["raw.movies"] },
  },
  notes: ["split(genero, ',') became string_split(genero, ',')"],
};

let h1: Harness;
beforeEach(() => {
  setLocale("en");
  h1 = harness(notebookOf([{ id: "fact_title_rating", kind: "transform" }]), {
    handlers: {
      "query.page": ({ offset, limit }) => ({
        rows: Array.from({ length: Math.min(limit, 100 - offset) }, (_, i) => ({
          ...(fact.preview?.rows[0] ?? {}),
          title_key: 900_000 + offset + i,
        })),
      }),
    },
  });
});
afterEach(cleanup);

function draw(output: TransformOutputData = fact, cellId = "fact_title_rating") {
  return render(
    // biome-ignore lint/correctness/noChildrenProp: createElement without JSX; the provider's props type requires children
    h(WorkbenchProvider, { workbench: h1.wb, children: h(TransformOutput, { cellId, output }) }),
  );
}

/** The badges' text as a screen reader hears it: "Zone: REFINED". */
const badges = () => [...document.querySelectorAll(".catalog-badge")].map((badge) => badge.textContent);

/** Opens the folded preview by its summary, as a user would. */
async function openPreview(summary: string) {
  await act(async () => screen.getByText(summary).click());
  // The details' toggle event comes a task later; the table is drawn then.
  await screen.findByRole("table", { name: summary });
}

const columnRow = (table: HTMLElement, column: string) =>
  within(table).getByRole("rowheader", { name: column }).closest("tr") as HTMLTableRowElement;

describe("the transform output", () => {
  it("is the registered renderer for transform outputs", () => {
    expect(hasRenderer(fact)).toBe(true);
  });

  it("heads with the table, where it is, its rows and format, and its zone, role and engine as badges", () => {
    draw();
    const box = screen.getByRole("group", { name: "What fact_title_rating wrote" });
    expect(within(box).getByRole("heading", { level: 3 }).textContent).toBe(
      "refined.fact_title_rating → Refined/fact_title_rating/ · 384 rows · Parquet",
    );
    expect(badges()).toEqual(["Zone: REFINED", "Role: fact", "Ran on: local (DuckDB)"]);
  });

  it("says the partitions in the heading, and marks the partition column", () => {
    draw(partitioned, "trusted_movies");
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe(
      "trusted.movies → Trusted/Local/Parquet/movies/ · 9,575 rows · Parquet, partitioned by dt",
    );
    expect(badges()).toEqual(["Zone: TRUSTED", "Ran on: local (DuckDB)"]);
    const columns = screen.getByRole("table", { name: "Columns of trusted.movies" });
    expect(columnRow(columns, "dt").textContent).toBe("dtdatepartition key");
    expect(screen.getByText(/^Read from/).textContent).toBe("Read from raw.movies");
  });

  it("lists the columns with types, the primary key and where each foreign key points", () => {
    draw();
    const columns = screen.getByRole("table", { name: "Columns of refined.fact_title_rating" });
    expect(
      within(columns)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Column", "Type", "Key"]);
    expect(within(columns).getAllByRole("rowheader")).toHaveLength(9);
    expect(columnRow(columns, "title_key").textContent).toBe(
      "title_keybigintprimary key→ references refined.dim_title.title_key",
    );
    expect(columnRow(columns, "release_date_key").textContent).toBe(
      "release_date_keybigint→ references refined.dim_date.date_key",
    );
    expect(columnRow(columns, "imdb_rating").textContent).toBe("imdb_ratingdouble");
    // No lake browser command opens a table from here: names, not buttons.
    expect(within(columns).queryByRole("button")).toBeNull();
  });

  it("says what the table was read from", () => {
    draw();
    const lineage = screen.getByText(/^Read from/);
    expect(lineage.textContent).toBe(
      "Read from refined.dim_title, trusted.movies, trusted.series, trusted.tmdb_movies, trusted.tmdb_series",
    );
  });

  it("says when the translation rewrote nothing, and lists what it rewrote", () => {
    draw();
    expect(screen.getByText("The Spark SQL ran on DuckDB with no rewrite worth noting.")).toBeTruthy();
    cleanup();
    draw(partitioned, "trusted_movies");
    const notes = screen.getByText("Spark SQL → DuckDB: what was rewritten (1)").closest("details");
    expect(within(notes as HTMLElement).getByRole("listitem").textContent).toBe(partitioned.notes[0]);
  });

  it("folds the preview, then shows its first rows and pages the rest through query.page", async () => {
    draw();
    const name = "First rows of refined.fact_title_rating";
    expect(screen.queryByRole("table", { name })).toBeNull();
    await openPreview(name);
    const table = screen.getByRole("table", { name });
    expect(table.getAttribute("aria-rowcount")).toBe("101");
    // Numbers are grouped the user's way (27,985 in English).
    expect(table.textContent).toContain(Number(fact.preview?.rows[0]?.title_key).toLocaleString("en"));
    // The export goes through the service client (`result.exportCsv`), on whichever transport.
    globalThis.URL.createObjectURL ??= () => "blob:x";
    globalThis.URL.revokeObjectURL ??= () => undefined;
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(saved).toEqual(["result.exportCsv.download"]));
    expect(h1.service.callsOf("result.exportCsv")).toEqual([{ resultId: fact.preview?.resultId }]);
    cleanup();
    // Rows the service kept back are fetched by the result's id.
    const preview = fact.preview;
    if (!preview) throw new Error("no preview");
    draw({ ...fact, preview: { ...preview, rows: [] } });
    await openPreview(name);
    await waitFor(() => expect(screen.getByRole("table", { name }).textContent).toContain("900,000"));
    expect(h1.service.callsOf("query.page")[0]).toEqual({
      resultId: preview.resultId,
      offset: 0,
      limit: 100,
    });
  });

  it("shows the PySpark the cell stands for, read-only, with a Copy button that copies it", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { container } = draw();
    const script = screen.getByText("The PySpark this cell stands for").closest("details") as HTMLElement;
    expect(script.querySelector("pre > code")?.textContent).toBe(fact.pyspark);
    expect(fact.pyspark).toContain('saveAsTable("refined.fact_title_rating")');
    expect(container.querySelector("textarea, [contenteditable]")).toBeNull();
    await act(async () =>
      within(script).getByRole("button", { name: "Copy the PySpark of fact_title_rating" }).click(),
    );
    expect(writeText).toHaveBeenCalledWith(fact.pyspark);
  });

  it("on Glue: the job, run id, state, time, DPU-seconds and cost in USD; no preview or notes", () => {
    draw(onGlue);
    expect(badges()).toContain("Ran on: AWS Glue");
    const run = screen.getByRole("group", { name: "AWS Glue job run" });
    const facts = [...run.querySelectorAll("dl > div")].map((div) => div.textContent);
    expect(facts).toEqual([
      "Joblakebook-transform-fact_title_rating",
      "Run idjr_5d2c0e9f01",
      "StateSUCCEEDED",
      "Run time1:14 min",
      "DPU-seconds148",
      "Cost (USD)$0.0182",
    ]);
    expect(screen.queryByRole("table", { name: /First rows/ })).toBeNull();
    expect(
      screen.getByText(
        "A Glue run brings no preview: query refined.fact_title_rating in a SQL cell (Athena reads it).",
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Spark SQL → DuckDB/)).toBeNull();
  });

  it("says what Glue did not report instead of showing zero", () => {
    const { glue } = onGlue;
    if (!glue) throw new Error("no glue run");
    draw({ ...onGlue, glue: { jobName: glue.jobName, runId: glue.runId, state: "RUNNING" } });
    const run = screen.getByRole("group", { name: "AWS Glue job run" });
    expect(within(run).getAllByText("not reported by Glue")).toHaveLength(3);
  });
});

describe("the transform output in Brazilian Portuguese", () => {
  beforeEach(() => setLocale("pt-BR"));

  it("speaks Portuguese on a local run", async () => {
    draw();
    const box = screen.getByRole("group", { name: "O que fact_title_rating gravou" });
    expect(within(box).getByRole("heading", { level: 3 }).textContent).toBe(
      "refined.fact_title_rating → Refined/fact_title_rating/ · 384 linhas · Parquet",
    );
    expect(badges()).toEqual(["Zona: REFINED", "Papel: fato", "Executada em: local (DuckDB)"]);
    const columns = screen.getByRole("table", { name: "Colunas de refined.fact_title_rating" });
    expect(columnRow(columns, "title_key").textContent).toBe(
      "title_keybigintchave primária→ referencia refined.dim_title.title_key",
    );
    expect(screen.getByText(/^Lido de/).textContent).toContain("Lido de refined.dim_title, trusted.movies");
    await openPreview("Primeiras linhas de refined.fact_title_rating");
    expect(screen.getByRole("table", { name: "Primeiras linhas de refined.fact_title_rating" })).toBeTruthy();
    expect(screen.getByText("O PySpark que esta célula representa")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copiar o PySpark de fact_title_rating" })).toBeTruthy();
  });

  it("speaks Portuguese on Glue, with the cost in US dollars", () => {
    draw({
      ...onGlue,
      table: { ...partitioned.table, rows: 9575 },
    });
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe(
      "trusted.movies → Trusted/Local/Parquet/movies/ · 9.575 linhas · Parquet, particionada por dt",
    );
    const run = screen.getByRole("group", { name: "Execução do job no AWS Glue" });
    expect(run.textContent).toContain("Id da execuçãojr_5d2c0e9f01");
    expect(run.textContent).toContain("DPU-segundos148");
    expect(run.textContent).toMatch(/Custo \(USD\)US\$\s0,0182/);
    expect(badges()).toContain("Executada em: AWS Glue");
  });
});
