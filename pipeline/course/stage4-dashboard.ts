import type { CatalogTable, CourseRuleResult } from "../contract";
import { attr, type Cell, type Notebook } from "../document";
import { publishedCharts } from "./cells";
import type { CourseLake } from "./lake-view";
import { firstFew, say, verdict } from "./rule";
import { qualified } from "./tables";

const GENRE_FIELD = /genre|genero|subgenre/i;
const TABLE_REFERENCE = /\b(?:from|join)\s+"?([A-Za-z_]\w*)"?\s*\.\s*"?([A-Za-z_]\w*)"?/gi;

interface DashboardChart {
  cell: Cell;
  types: string[];
  /** `database.table` names the chart's data comes from: its `table=`, or its SQL cell's FROM/JOINs. */
  reads: string[];
  sourceCellId: string | undefined;
  fields: { field: string; measure: boolean }[];
}

/**
 * Stage 4: the dashboard (the chart cells, which the HTML export lays out; on an aws target the
 * publish cell's charts, which QuickSight gets) uses at least three chart types, reads REFINED
 * tables only, and answers the notebook's question. "Answers" is checked as: every chart encodes
 * a measure, and at least one chart breaks a measure down by a (sub)genre field.
 */
export function checkDashboard(lake: CourseLake, tables: CatalogTable[]): CourseRuleResult[] {
  const published = publishedCharts(lake.notebook);
  const allCharts = lake.notebook.cells.filter((c) => c.kind === "chart");
  const onAws = lake.target.kind === "aws" && published !== undefined;
  const chosen = onAws ? allCharts.filter((c) => published.charts.includes(c.id)) : allCharts;
  const charts = chosen.map((cell) => readChart(lake.notebook, cell));
  const refined = new Set(tables.filter((t) => t.zone === "refined").map(qualified));

  const types = new Set(charts.flatMap((c) => c.types));
  const typesRule = verdict(
    types.size >= 3,
    "dashboard.chart-types",
    4,
    "The dashboard uses at least three chart types",
    [
      onAws
        ? types.size
          ? say("dashboard.types.published", {
              n: charts.length,
              cell: published.cellId,
              types: [...types].join(", "),
            })
          : say("dashboard.types.published.none", { n: charts.length, cell: published.cellId })
        : types.size
          ? say("dashboard.types.cells", { n: charts.length, types: [...types].join(", ") })
          : say("dashboard.types.cells.none", { n: charts.length }),
    ],
    say(onAws ? "dashboard.chart-types.hint.published" : "dashboard.chart-types.hint"),
    onAws ? published.cellId : allCharts[0]?.id,
  );

  const offRefined = charts.flatMap((c) => {
    if (c.reads.length === 0)
      return [{ chart: c, line: say("dashboard.reads-nothing", { cell: c.cell.id }) }];
    const others = c.reads.filter((name) => !refined.has(name));
    return others.length
      ? [{ chart: c, line: say("dashboard.reads-other", { cell: c.cell.id, tables: others.join(", ") }) }]
      : [];
  });
  const refinedRule = verdict(
    charts.length > 0 && offRefined.length === 0,
    "dashboard.refined-only",
    4,
    "Every dashboard chart reads REFINED tables only",
    offRefined.length
      ? firstFew(offRefined.map((o) => o.line))
      : charts.map((c) => say("dashboard.reads", { cell: c.cell.id, tables: c.reads.join(", ") })),
    say("dashboard.refined-only.hint"),
    offRefined[0]?.chart.sourceCellId ?? offRefined[0]?.chart.cell.id,
  );

  const noMeasure = charts.filter((c) => !c.fields.some((f) => f.measure));
  const byGenre = charts.filter(
    (c) => c.fields.some((f) => f.measure) && c.fields.some((f) => !f.measure && GENRE_FIELD.test(f.field)),
  );
  const answersRule = verdict(
    charts.length > 0 && noMeasure.length === 0 && byGenre.length > 0,
    "dashboard.answers-question",
    4,
    "The charts answer the question: each shows a measure, and at least one breaks it down by (sub)genre",
    [
      ...noMeasure.map((c) => say("dashboard.no-measure", { cell: c.cell.id })),
      byGenre.length
        ? say("dashboard.by-genre", { cells: byGenre.map((c) => c.cell.id).join(", ") })
        : say("dashboard.no-genre"),
      ...charts
        .filter((c) => !noMeasure.includes(c))
        .map(
          (c) =>
            `${c.cell.id}: ${c.fields.map((f) => `${f.field}${f.measure ? " (measure)" : ""}`).join(", ")}`,
        ),
    ].slice(0, 10),
    say("dashboard.answers-question.hint"),
    (noMeasure[0] ?? (byGenre.length ? undefined : charts[0]))?.cell.id,
  );
  return [typesRule, refinedRule, answersRule];
}

function readChart(notebook: Notebook, cell: Cell): DashboardChart {
  let spec: unknown;
  try {
    spec = JSON.parse(cell.source);
  } catch {
    spec = undefined;
  }
  const kpi = attr(cell, "kpi") !== undefined;
  const table = attr(cell, "table");
  const sourceId = attr(cell, "source");
  const source = sourceId ? notebook.cells.find((c) => c.id === sourceId) : undefined;
  const reads = table ? [table] : source ? tableReferences(source.source) : [];
  return {
    cell,
    types: kpi ? ["kpi"] : marksOf(spec),
    reads,
    sourceCellId: source?.id,
    fields: fieldsOf(spec),
  };
}

function tableReferences(sql: string): string[] {
  const found = new Set<string>();
  for (const match of sql.matchAll(TABLE_REFERENCE))
    found.add(`${match[1]?.toLowerCase()}.${match[2]?.toLowerCase()}`);
  return [...found];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Mark types of a spec and its layers / concatenations. */
function marksOf(spec: unknown): string[] {
  if (!isObject(spec)) return [];
  const mark = spec.mark;
  const own =
    typeof mark === "string" ? [mark] : isObject(mark) && typeof mark.type === "string" ? [mark.type] : [];
  const nested = ["layer", "concat", "hconcat", "vconcat"].flatMap((k) =>
    Array.isArray(spec[k]) ? spec[k] : [],
  );
  const inner = isObject(spec.spec) ? [spec.spec] : [];
  return [...new Set([...own, ...[...nested, ...inner].flatMap(marksOf)])];
}

/** The fields a spec encodes; a measure is a quantitative field or an aggregate. */
function fieldsOf(spec: unknown): { field: string; measure: boolean }[] {
  if (!isObject(spec)) return [];
  const found: { field: string; measure: boolean }[] = [];
  const channels = isObject(spec.encoding) ? Object.values(spec.encoding) : [];
  for (const channel of channels.flatMap((c) => (Array.isArray(c) ? c : [c]))) {
    if (!isObject(channel)) continue;
    const measure = channel.type === "quantitative" || typeof channel.aggregate === "string";
    const field =
      typeof channel.field === "string"
        ? channel.field
        : typeof channel.aggregate === "string"
          ? channel.aggregate
          : "";
    if (field && !found.some((f) => f.field === field && f.measure === measure))
      found.push({ field, measure });
  }
  const nested = ["layer", "concat", "hconcat", "vconcat"].flatMap((k) =>
    Array.isArray(spec[k]) ? spec[k] : [],
  );
  return [...found, ...[...nested, ...(isObject(spec.spec) ? [spec.spec] : [])].flatMap(fieldsOf)];
}
