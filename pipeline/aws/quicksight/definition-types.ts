/**
 * The QuickSight Definition and dataset types the publish stage builds (visuals, fields, layout,
 * input columns). Type-only: the stage writes plain objects of these shapes and never loads the SDK;
 * the adapters beside this file send them.
 */
export type {
  AnalysisDefinition,
  BarsArrangement,
  DimensionField,
  FieldSortOptions,
  GridLayoutElement,
  InputColumn,
  InputColumnDataType,
  LineChartType,
  MeasureField,
  SimpleNumericalAggregationFunction,
  TimeGranularity,
  Visual,
  VisualTitleLabelOptions,
} from "@aws-sdk/client-quicksight";
