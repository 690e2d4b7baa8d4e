import type { Node } from "../../../engine/spark-sql";

/**
 * The clause-level shape of a transform cell's query, as far as it has a DataFrame form: CTEs and
 * a body; a body is SELECTs joined by UNION [ALL], then ORDER BY and LIMIT. Expressions stay as
 * spark-sql tree nodes, so their text can be copied verbatim into `F.expr("…")`.
 */
export interface Query {
  ctes: Cte[];
  body: QueryBody | Fallback;
}

export interface Cte {
  name: string;
  /** `WITH t (a, b) AS (…)`: the column names, given with `.toDF(…)`. */
  columns: string[];
  body: QueryBody | Fallback;
}

/** A part with no DataFrame form here: run through `spark.sql`, saying which construct it was. */
export interface Fallback {
  kind: "fallback";
  construct: string;
  nodes: Node[];
}

export interface QueryBody {
  kind: "body";
  selects: SelectBlock[];
  /** Between selects[i] and selects[i + 1]: UNION (distinct) or UNION ALL. */
  unions: Array<"union" | "union all">;
  orderBy: OrderItem[];
  limit?: number;
  /** The body as written, for spark.sql when a clause has no DataFrame form after all. */
  nodes: Node[];
}

export interface SelectBlock {
  distinct: boolean;
  items: SelectItem[];
  from: Relation;
  /** Joins and lateral views in the order written. */
  steps: Array<Join | LateralView>;
  where?: Node[];
  groupBy?: Node[][];
  having?: Node[];
  orderBy: OrderItem[];
  limit?: number;
  /** Every node of the SELECT: used to see which names serve as qualifiers. */
  nodes: Node[];
}

export type SelectItem =
  | { kind: "star"; text: string }
  | { kind: "expression"; nodes: Node[]; alias?: string };

export interface Relation {
  /** The name's parts by value (`trusted`, `movies`) and as written. */
  parts: string[];
  text: string;
  alias?: string;
}

export type JoinHow = "inner" | "left" | "right" | "full" | "cross" | "left_semi" | "left_anti";

export interface Join {
  kind: "join";
  how: JoinHow;
  relation: Relation;
  on?: Node[];
  using?: string[];
}

export interface LateralView {
  kind: "lateral";
  generator: "explode" | "posexplode";
  outer: boolean;
  argument: Node[];
  columns: string[];
  /** The view's own name (`kw` in `LATERAL VIEW explode(k) kw AS k`). */
  alias?: string;
}

export interface OrderItem {
  nodes: Node[];
  descending: boolean;
  nullsFirst: boolean;
}

/** Thrown by the reader when a construct has no DataFrame form; caught per CTE or for the query. */
export class NoDataFrameForm extends Error {
  constructor(readonly construct: string) {
    super(`${construct} has no DataFrame form here`);
  }
}
