import { createRequire } from "node:module";
import { compile } from "vega-lite";
import { LakebookError } from "../../contract";
import type { Spec } from "./chart-spec";
import { fieldUses, isObject, unitSpecs } from "./encoding-fields";

/** The parts of Vega-Lite's JSON schema a student most often gets wrong, read from the schema itself. */
interface SchemaFacts {
  topLevel: Set<string>;
  marks: Set<string>;
  channels: Set<string>;
  types: Set<string>;
  aggregates: Set<string>;
}

let facts: SchemaFacts | undefined;

function schemaFacts(): SchemaFacts {
  if (facts) return facts;
  // vega-lite ships its schema (≈ 1.9 MB); read once per process.
  const schema = createRequire(import.meta.url)("vega-lite/vega-lite-schema.json") as {
    definitions: Record<string, { enum?: string[]; const?: string; properties?: object; anyOf?: object[] }>;
  };
  const d = schema.definitions;
  const topLevel = new Set<string>();
  for (const [name, definition] of Object.entries(d)) {
    if (!/^TopLevel.*Spec$/.test(name)) continue;
    for (const part of [definition, ...(definition.anyOf ?? [])] as { properties?: object }[]) {
      for (const key of Object.keys(part.properties ?? {})) topLevel.add(key);
    }
  }
  const composite = ["BoxPlot", "ErrorBar", "ErrorBand"].map((name) => d[name]?.const ?? "");
  facts = {
    topLevel,
    marks: new Set([...(d.Mark?.enum ?? []), ...composite]),
    channels: new Set(Object.keys(d.FacetedEncoding?.properties ?? {})),
    types: new Set(d.Type?.enum ?? []),
    aggregates: new Set(d.AggregateOp?.enum ?? []),
  };
  return facts;
}

/**
 * A light check against the schema (top-level keys, marks, channels, types, aggregates), then
 * Vega-Lite's own compiler: its errors fail the cell, its warnings are returned.
 */
export function checkSpec(cellId: string, spec: Spec): string[] {
  const { topLevel, marks, channels, types, aggregates } = schemaFacts();
  const fail = (what: string, expected: Iterable<string>) => {
    throw new LakebookError("CHART_SPEC_INVALID", `Chart ${cellId}: ${what}.`, {
      hint: `Expected one of: ${[...expected].join(", ")}. See https://vega.github.io/vega-lite/docs/.`,
    });
  };
  for (const key of Object.keys(spec)) {
    if (!topLevel.has(key)) fail(`"${key}" is not a Vega-Lite property`, [...topLevel].sort());
  }
  for (const unit of unitSpecs(spec)) {
    const at = unit.path ? `${unit.path}.` : "";
    const mark = isObject(unit.spec.mark) ? unit.spec.mark.type : unit.spec.mark;
    if (mark !== undefined && !marks.has(String(mark))) fail(`${at}mark is "${String(mark)}"`, marks);
    if (isObject(unit.spec.encoding)) {
      for (const channel of Object.keys(unit.spec.encoding)) {
        if (!channels.has(channel)) fail(`${at}encoding has no channel "${channel}"`, channels);
      }
    }
  }
  for (const use of fieldUses(spec)) {
    const { type, aggregate } = use.def;
    if (type !== undefined && !types.has(String(type))) fail(`${use.path}.type is "${String(type)}"`, types);
    if (typeof aggregate === "string" && !aggregates.has(aggregate)) {
      fail(`${use.path}.aggregate is "${aggregate}"`, aggregates);
    }
  }
  return compileWarnings(cellId, spec);
}

function compileWarnings(cellId: string, spec: Spec): string[] {
  const warnings: string[] = [];
  const note = (...parts: unknown[]) => {
    warnings.push(parts.map(String).join(" "));
    return logger;
  };
  const logger = {
    level: () => logger,
    error: note,
    warn: note,
    info: () => logger,
    debug: () => logger,
  };
  try {
    // The data is not known yet; an empty inline table compiles the same encodings.
    compile({ ...spec, data: { values: [] } } as never, { logger } as never);
  } catch (error) {
    throw new LakebookError(
      "CHART_SPEC_INVALID",
      `Chart ${cellId}: Vega-Lite cannot compile the spec: ${(error as Error).message}`,
      { hint: "Check the mark and each encoding channel against https://vega.github.io/vega-lite/docs/." },
    );
  }
  return [...new Set(warnings)];
}
