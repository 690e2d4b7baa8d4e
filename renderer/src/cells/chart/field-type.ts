/** A source column as the builder lists it: its name and the engine's type name (DuckDB's). */
export interface SourceColumn {
  name: string;
  type: string;
}

export type VegaFieldType = "quantitative" | "temporal" | "nominal";

const NUMBER = /INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL/i;
const TIME = /DATE|TIME/i;

/**
 * The Vega-Lite type for a field: numbers are quantitative, dates temporal, the rest nominal.
 * An unknown column (the source has not run yet) guesses by channel: y measures, the rest group.
 */
export function fieldType(field: string, columns: readonly SourceColumn[], channel: string): VegaFieldType {
  const column = columns.find((c) => c.name === field);
  if (!column) return channel === "y" || channel === "theta" ? "quantitative" : "nominal";
  if (TIME.test(column.type) && !/INTERVAL/i.test(column.type)) return "temporal";
  if (NUMBER.test(column.type)) return "quantitative";
  return "nominal";
}
