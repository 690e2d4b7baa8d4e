import { type Call, finish } from "../call";
import { GLUE_HINT, unsupported } from "../errors";
import { integerLiteral, isGroup, isWord, type Node, splitAtCommas, type Token, trimmed } from "../tree";

/**
 * Spark's casts (spark.sql.ansi.enabled=false, Glue's default) give NULL for a value that does
 * not convert, so they become DuckDB TRY_CASTs. Casts to integer types truncate in Spark
 * (CAST(7.9 AS INT) = 7, CAST('7.9' AS INT) = 7) where DuckDB rounds: they go through a DECIMAL
 * and trunc(). STRING is VARCHAR; DECIMAL alone is DECIMAL(10,0) in Spark, (18,3) in DuckDB.
 */
const INTEGRAL: Record<string, string> = {
  TINYINT: "TINYINT",
  BYTE: "TINYINT",
  SMALLINT: "SMALLINT",
  SHORT: "SMALLINT",
  INT: "INTEGER",
  INTEGER: "INTEGER",
  BIGINT: "BIGINT",
  LONG: "BIGINT",
};

const OTHER: Record<string, string> = {
  DOUBLE: "DOUBLE",
  FLOAT: "FLOAT",
  REAL: "FLOAT",
  DATE: "DATE",
  TIMESTAMP: "TIMESTAMP",
  BOOLEAN: "BOOLEAN",
};

export function castTo(value: string, typeNodes: Node[], at: Token): string {
  const [type, params] = trimmed(typeNodes);
  const name = isWord(type) ? type.value : "";
  const integral = INTEGRAL[name];
  if (integral && !params) return integralCast(value, integral);
  if (OTHER[name] && !params) return `TRY_CAST(${value} AS ${OTHER[name]})`;
  // A string cast never fails; VARCHAR(n)/CHAR(n) are strings to Spark's reader too.
  if (name === "STRING" || ((name === "VARCHAR" || name === "CHAR") && isGroup(params, "("))) {
    return `CAST(${value} AS VARCHAR)`;
  }
  if (name === "DECIMAL" || name === "DEC" || name === "NUMERIC") {
    const [precision = 10, scale = 0] = isGroup(params, "(")
      ? splitAtCommas(params.body).map(integerLiteral)
      : [];
    if (precision === undefined || scale === undefined)
      throw unsupported(
        "DECIMAL(…) without literal precision and scale",
        at,
        "Write DECIMAL(p, s) with numbers.",
      );
    return `TRY_CAST(${value} AS DECIMAL(${precision},${scale}))`;
  }
  const written = typeNodes
    .map((node) => ("text" in node ? node.text : "…"))
    .join("")
    .trim();
  throw unsupported(
    `A cast to ${written || "this type"}`,
    at,
    `The subset casts to INT, BIGINT, SMALLINT, TINYINT, DOUBLE, FLOAT, DECIMAL(p,s), STRING, DATE, TIMESTAMP and BOOLEAN; arrays, maps, structs and binary are not covered, ${GLUE_HINT}.`,
  );
}

/** CAST(x AS type) / TRY_CAST(x AS type): the type follows the last top-level AS. */
export function castCall(call: Call): string {
  const body = call.args.length === 1 ? (call.args[0] ?? []) : [];
  const as = body.findLastIndex((node) => isWord(node, "AS"));
  if (as < 0) throw unsupported(`${call.name.text}(…) without AS type`, call.name, "Write CAST(x AS type).");
  return finish(call, castTo(call.t.emit(trimmed(body.slice(0, as))), body.slice(as + 1), call.name));
}

/** int(x), double(x), string(x)…: Spark's shorthand for CAST(x AS type). */
export function castShorthand(type: string) {
  return (call: Call): string => {
    if (call.args.length !== 1)
      throw unsupported(
        `${type.toLowerCase()}() with ${call.args.length} arguments`,
        call.name,
        `Write CAST(x AS ${type}).`,
      );
    const token: Token = { ...call.name, kind: "word", text: type, value: type };
    return finish(call, castTo(call.t.emit(call.args[0] ?? []), [token], call.name));
  };
}

/**
 * Spark truncates toward zero (7.9 → 7) where DuckDB alone rounds. Through DOUBLE is exact for every
 * value below 2^53 and ~25× faster than through DECIMAL(38,18), which keeps exactness for the rest
 * of BIGINT's range. (A string with more than 15 significant digits may round before truncating.)
 */
function integralCast(value: string, integral: string): string {
  const viaDouble = `TRY_CAST(trunc(TRY_CAST(${value} AS DOUBLE)) AS ${integral})`;
  if (integral !== "BIGINT") return viaDouble;
  return `CASE WHEN abs(TRY_CAST(${value} AS DOUBLE)) < 9007199254740992 THEN ${viaDouble} ELSE TRY_CAST(trunc(TRY_CAST(${value} AS DECIMAL(38,18))) AS BIGINT) END`;
}
