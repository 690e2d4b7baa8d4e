/**
 * Vega's binning, so bins computed in SQL land on exactly the boundaries the browser would draw.
 * `niceBins` follows vega-statistics' `bin` and `binExpression` vega-transforms' Bin (both BSD-3,
 * © University of Washington Interactive Data Lab).
 */
export interface BinParams {
  maxbins?: number;
  step?: number;
  steps?: number[];
  extent?: [number, number];
  nice?: boolean;
  base?: number;
  divide?: number[];
  minstep?: number;
  anchor?: number;
}

export interface Bins {
  start: number;
  stop: number;
  step: number;
}

export const BIN_KEYS = new Set([
  "maxbins",
  "step",
  "steps",
  "extent",
  "nice",
  "base",
  "divide",
  "minstep",
  "anchor",
]);

export function niceBins(params: BinParams, extent: [number, number]): Bins {
  const maxbins = params.maxbins || 20;
  const base = params.base || 10;
  const logb = Math.log(base);
  const divide = params.divide || [5, 2];
  let [min, max] = extent;
  const span = max - min || Math.abs(min) || 1;
  let step: number;
  if (params.step) step = params.step;
  else if (params.steps) {
    const wanted = span / maxbins;
    let i = 0;
    while (i < params.steps.length && (params.steps[i] ?? 0) < wanted) i += 1;
    step = params.steps[Math.max(0, i - 1)] ?? 1;
  } else {
    const level = Math.ceil(Math.log(maxbins) / logb);
    const minstep = params.minstep || 0;
    step = Math.max(minstep, base ** (Math.round(Math.log(span) / logb) - level));
    while (Math.ceil(span / step) > maxbins) step *= base;
    for (const d of divide) {
      const v = step / d;
      if (v >= minstep && span / v <= maxbins) step = v;
    }
  }
  const v = Math.log(step);
  const precision = v >= 0 ? 0 : ~~(-v / logb) + 1;
  const eps = base ** (-precision - 1);
  if (params.nice || params.nice === undefined) {
    const nice = Math.floor(min / step + eps) * step;
    min = min < nice ? nice - step : nice;
    max = Math.ceil(max / step) * step;
  }
  let start = min;
  let stop = start + Math.ceil(((max === min ? min + step : max) - start) / step) * step;
  if (params.anchor !== undefined) {
    const shift = params.anchor - (start + step * Math.floor((params.anchor - start) / step));
    start += shift;
    stop += shift;
  }
  return { start, stop, step };
}

/**
 * The bin start of `column` as SQL, clamped like Vega's Bin transform: the top edge falls in the
 * last bin; values outside an explicit extent get no bin (NULL), which Vega-Lite filters out.
 */
export function binStartSql(column: string, bins: Bins): string {
  const [start, stop, step, last] = [bins.start, bins.stop, bins.step, bins.stop - bins.step].map(literal);
  const v = `CAST(${column} AS DOUBLE)`;
  return `CASE WHEN ${v} IS NULL OR ${v} < ${start} OR ${v} > ${stop} THEN NULL ELSE ${start} + ${step} * floor(1e-14 + (least(${v}, ${last}) - ${start}) / ${step}) END`;
}

/** The exclusive end, with Vega's formula for the same floating-point result. */
export function binEndSql(startSql: string, bins: Bins): string {
  const [start, step] = [bins.start, bins.step].map(literal);
  return `${start} + ${step} * (1 + ((${startSql}) - ${start}) / ${step})`;
}

/** In parentheses, so a negative number never meets a minus sign as `--`, SQL's comment. */
function literal(value: number): string {
  return `(${value})`;
}
