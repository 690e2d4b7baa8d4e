import type {
  DimensionField,
  InputColumnDataType,
  MeasureField,
  SimpleNumericalAggregationFunction,
  TimeGranularity,
  VisualTitleLabelOptions,
} from "../../../aws/quicksight/definition-types";
import { chartTitle, type FieldDef, type VegaLiteSpec } from "./vega-spec";

/** Something in a chart that QuickSight cannot show: listed before anything is sent. */
export interface Untranslatable {
  chart: string;
  /** Where in the spec: "mark: tick", "encoding.color.condition", "transform". */
  what: string;
  why: string;
}

/** One chart on its way to a visual: the spec, its dataset, its columns, and the problems found so far. */
export interface ChartInput {
  chartId: string;
  spec: VegaLiteSpec;
  /** The DataSetIdentifier the visual's fields name (declared in the definition). */
  dataSet: string;
  /** The dataset's columns and QuickSight types; empty when unknown (then the Vega-Lite type decides). */
  columns: ReadonlyMap<string, InputColumnDataType>;
}

const AGGREGATES: Record<string, SimpleNumericalAggregationFunction> = {
  sum: "SUM",
  mean: "AVERAGE",
  average: "AVERAGE",
  min: "MIN",
  max: "MAX",
  count: "COUNT",
  valid: "COUNT",
  distinct: "DISTINCT_COUNT",
  median: "MEDIAN",
  stdev: "STDEV",
  stdevp: "STDEVP",
  variance: "VAR",
  variancep: "VARP",
};

const TIME_UNITS: Record<string, TimeGranularity> = {
  year: "YEAR",
  quarter: "QUARTER",
  yearquarter: "QUARTER",
  month: "MONTH",
  yearmonth: "MONTH",
  week: "WEEK",
  yearweek: "WEEK",
  date: "DAY",
  yearmonthdate: "DAY",
  hours: "HOUR",
  yearmonthdatehours: "HOUR",
  minutes: "MINUTE",
  yearmonthdatehoursminutes: "MINUTE",
  seconds: "SECOND",
};

const NUMERIC_COLUMNS = new Set<string>(["INTEGER", "DECIMAL"]);

/**
 * Turns Vega-Lite channels into QuickSight fields and keeps the list of what could not be turned.
 * Field ids are `<visual>-<channel>`: unique in the definition and stable across publishes.
 */
export class ChartReader {
  readonly problems: Untranslatable[] = [];
  readonly visualId: string;

  constructor(readonly input: ChartInput) {
    this.visualId = `${input.chartId}-visual`;
  }

  get encoding(): Record<string, FieldDef | FieldDef[] | undefined> {
    return this.input.spec.encoding ?? {};
  }

  /** The channel's field definition; several definitions (a tooltip list) are not a single field. */
  channel(name: string): FieldDef | undefined {
    const def = this.encoding[name];
    return Array.isArray(def) ? undefined : def;
  }

  problem(what: string, why: string): void {
    this.problems.push({ chart: this.input.chartId, what, why });
  }

  fieldId(channel: string): string {
    return `${this.visualId}-${channel}`;
  }

  title(): VisualTitleLabelOptions {
    return {
      Visibility: "VISIBLE",
      FormatText: { PlainText: chartTitle(this.input.spec, this.input.chartId) },
    };
  }

  /** Whether the channel reads as a measure (numbers to aggregate) rather than a category. */
  isMeasure(def: FieldDef | undefined): boolean {
    if (!def) return false;
    if (def.aggregate) return true;
    return def.type === "quantitative" && !def.bin;
  }

  dimension(channel: string, def: FieldDef | undefined): DimensionField | undefined {
    const field = this.requireField(channel, def);
    if (!field || !def) return undefined;
    const Column = this.column(field);
    const FieldId = this.fieldId(channel);
    const columnType = this.input.columns.get(field);
    // The dataset's type decides when it is known: a "temporal" year stored as an integer is a
    // number to QuickSight, and a date dimension over it would not build.
    const isDate = columnType ? columnType === "DATETIME" : def.type === "temporal";
    if (isDate) {
      const unit = typeof def.timeUnit === "string" ? def.timeUnit : def.timeUnit?.unit;
      const granularity = unit ? TIME_UNITS[unit.replace(/^utc/, "")] : undefined;
      if (unit && !granularity)
        this.problem(`encoding.${channel}.timeUnit`, `QuickSight has no time granularity like "${unit}".`);
      return {
        DateDimensionField: { FieldId, Column, ...(granularity ? { DateGranularity: granularity } : {}) },
      };
    }
    const numeric = columnType ? NUMERIC_COLUMNS.has(columnType) : def.type === "quantitative";
    return numeric
      ? { NumericalDimensionField: { FieldId, Column } }
      : { CategoricalDimensionField: { FieldId, Column } };
  }

  /**
   * A measure; without an aggregate it is summed, since QuickSight always aggregates and a chart's
   * SQL usually returns one row per category already (the sum of one row is its value).
   * `countOf` names the column a field-less `{"aggregate": "count"}` counts (the chart's category).
   */
  measure(channel: string, def: FieldDef | undefined, countOf?: string): MeasureField | undefined {
    if (!def) return undefined;
    const FieldId = this.fieldId(channel);
    const aggregate = def.aggregate ? AGGREGATES[def.aggregate] : "SUM";
    if (!aggregate) {
      this.problem(`encoding.${channel}.aggregate`, `QuickSight has no aggregate like "${def.aggregate}".`);
      return undefined;
    }
    if (!def.field && aggregate === "COUNT" && countOf) {
      return {
        CategoricalMeasureField: { FieldId, Column: this.column(countOf), AggregationFunction: "COUNT" },
      };
    }
    const field = this.requireField(channel, def);
    if (!field) return undefined;
    const Column = this.column(field);
    const columnType = this.input.columns.get(field);
    const numeric = columnType ? NUMERIC_COLUMNS.has(columnType) : def.type === "quantitative" || !def.type;
    if (!numeric) {
      if (aggregate === "COUNT" || aggregate === "DISTINCT_COUNT") {
        return { CategoricalMeasureField: { FieldId, Column, AggregationFunction: aggregate } };
      }
      this.problem(`encoding.${channel}`, `"${field}" is not numeric, so QuickSight can only count it.`);
      return undefined;
    }
    return {
      NumericalMeasureField: {
        FieldId,
        Column,
        AggregationFunction: { SimpleNumericalAggregation: aggregate },
      },
    };
  }

  /** The field name, after the checks every data channel shares. */
  private requireField(channel: string, def: FieldDef | undefined): string | undefined {
    if (!def) return undefined;
    if (def.condition !== undefined) {
      this.problem(
        `encoding.${channel}.condition`,
        "QuickSight has no conditional encodings; use its conditional formatting after publishing.",
      );
    }
    const scale = def.scale?.type;
    if (scale && !["linear", "band", "point", "ordinal", "time", "utc"].includes(scale)) {
      this.problem(
        `encoding.${channel}.scale.type`,
        `QuickSight axes are linear: a ${scale} scale would change what the chart says.`,
      );
    }
    if (def.bin) {
      this.problem(
        `encoding.${channel}.bin`,
        "QuickSight bins only in its histogram visual; bin in the SQL cell instead (floor(x / 10) * 10 AS bucket).",
      );
    }
    if (!def.field) {
      this.problem(
        `encoding.${channel}`,
        "a constant value or datum, not a field: QuickSight field wells take columns only.",
      );
      return undefined;
    }
    if (this.input.columns.size > 0 && !this.input.columns.has(def.field)) {
      this.problem(
        `encoding.${channel}.field`,
        `"${def.field}" is not a column of the chart's data (${[...this.input.columns.keys()].join(", ")}).`,
      );
    }
    return def.field;
  }

  private column(field: string) {
    return { DataSetIdentifier: this.input.dataSet, ColumnName: field };
  }
}
