import { quoteIdentifier } from "../sql";
import type { Call, Translator } from "./call";
import { checkFrame, lateralView, orderBy, partitioningClause, type Step } from "./clauses";
import { GLUE_HINT, note, unsupported } from "./errors";
import { lookupFunction, unknownFunction } from "./functions/registry";
import { STRUCTURE_WORDS } from "./keywords";
import { keepLineBreaks } from "./lines";
import { duckString, numberLiteral } from "./literals";
import { endsOperand } from "./operands";
import { rewriteInfix } from "./operators";
import {
  type Group,
  integerLiteral,
  isGroup,
  isOp,
  isToken,
  isWord,
  type Node,
  nextSignificant,
  previousSignificant,
  splitAtCommas,
  stringLiteral,
  type Token,
  trimmed,
} from "./tree";

/**
 * Walks one level of the tree left to right and writes DuckDB SQL. Whitespace and line breaks are
 * kept, so a DuckDB error's line number still points at the user's line.
 */
export function createTranslator(): Translator {
  let aliases = 0;
  const translator: Translator = {
    notes: [],
    emit(nodes) {
      const level = rewriteInfix(nodes, translator);
      let out = "";
      for (let index = 0; index < level.length; ) {
        const step = emitAt(level, index, translator, () => `__lateral_view_${++aliases}`);
        out += keepLineBreaks(level.slice(index, step.next), step.text);
        index = step.next;
      }
      return out;
    },
  };
  return translator;
}

function emitAt(nodes: Node[], index: number, t: Translator, alias: () => string): Step {
  const node = nodes[index] as Node;
  const one = (text: string): Step => ({ text, next: index + 1 });
  if (node.kind === "raw") return one(node.text);
  if (node.kind === "group") {
    if (node.bracket === "[") return one(subscript(nodes, index, t));
    if (node.bracket === "CASE") return one(`${node.open.text}${t.emit(node.body)}${node.close.text}`);
    return one(`(${t.emit(node.body)})`);
  }
  switch (node.kind) {
    case "space":
      return one(node.text);
    case "comment":
      // Block comments do not nest in DuckDB: keep only their line breaks.
      return one(node.text.startsWith("--") ? node.text : node.text.replace(/[^\n]+/g, " "));
    case "hint":
      t.notes.push(note(node, `Hint ${node.text} dropped: DuckDB plans joins itself.`));
      return one(" ");
    case "quoted":
      return one(quoteIdentifier(node.value));
    case "string":
      return adjacentStrings(nodes, index);
    case "number":
      return one(numberLiteral(node));
    case "op":
    case "punct":
      return one(operator(node));
    case "word":
      return word(nodes, index, t, alias);
  }
}

function operator(token: Token): string {
  switch (token.text) {
    case "==":
      return "=";
    case "<=>":
      return "IS NOT DISTINCT FROM";
    case "!":
      return "NOT ";
    case "^":
      throw unsupported(
        "The ^ operator (bitwise XOR in Spark, power in DuckDB)",
        token,
        "Use pow(a, b) for a power; bitwise XOR is not in the subset.",
      );
    case "~":
      throw unsupported(
        "The ~ operator (bitwise NOT)",
        token,
        `Bitwise NOT is not in the subset, ${GLUE_HINT}.`,
      );
    case "::":
      throw unsupported(
        "The :: cast",
        token,
        "Write CAST(x AS type): Lakebook translates it with Spark's casting rules.",
      );
    case "->":
      throw unsupported(
        "A lambda (->) outside transform() or filter()",
        token,
        "The subset covers lambdas as the second argument of transform(arr, x -> …) and filter(arr, x -> …).",
      );
    case ":":
      throw unsupported("The : operator", token, `Remove it, ${GLUE_HINT}.`);
    case ";":
      throw unsupported(
        "A second statement",
        token,
        "A transform cell is one query: SELECT … or WITH … SELECT ….",
      );
    default:
      return token.text;
  }
}

/** Spark joins adjacent literals: 'a' 'b' is 'ab'. */
function adjacentStrings(nodes: Node[], index: number): Step {
  let value = (nodes[index] as Token).value;
  let next = index + 1;
  for (let after = nextSignificant(nodes, next); ; after = nextSignificant(nodes, next)) {
    const literal = nodes[after];
    if (!isToken(literal) || literal.kind !== "string") break;
    value += literal.value;
    next = after + 1;
  }
  // E'…' right after a word or number would be read as part of it (xE'…'): a space keeps it apart.
  const literal = duckString(value);
  const before = nodes[index - 1];
  const apart =
    literal.startsWith("E") && isToken(before) && (before.kind === "word" || before.kind === "number");
  return { text: `${apart ? " " : ""}${literal}`, next };
}

/** Spark's arr[i] is 0-based and NULL for a negative i; DuckDB's is 1-based and counts -1 from the end. */
function subscript(nodes: Node[], index: number, t: Translator): string {
  const group = nodes[index] as Group;
  const before = previousSignificant(nodes, index - 1);
  const after = previousSignificant(nodes, index - 1) === index - 1;
  if (
    before < 0 ||
    !after ||
    isWord(nodes[before], ...STRUCTURE_WORDS) ||
    isOp(nodes[before], ",", "=", "(")
  ) {
    throw unsupported("A [ … ] list literal", group.open, "Write array(a, b, …).");
  }
  const body = trimmed(group.body);
  if (body.some((node) => isOp(node, ":")))
    throw unsupported("A [a:b] slice", group.open, `Slices are not in the subset, ${GLUE_HINT}.`);
  if (stringLiteral(body) !== undefined) return `[${t.emit(body)}]`;
  const literal = integerLiteral(body);
  if (literal !== undefined) return literal >= 0 ? `[${literal + 1}]` : "[NULL]";
  const position = t.emit(body);
  return `[CASE WHEN (${position}) >= 0 THEN (${position}) + 1 END]`;
}

function word(nodes: Node[], index: number, t: Translator, alias: () => string): Step {
  const token = nodes[index] as Token;
  const next = nextSignificant(nodes, index + 1);
  const following = nodes[next];
  const one = (text: string): Step => ({ text, next: index + 1 });
  switch (token.value) {
    case "ORDER":
      if (isWord(following, "BY")) return orderBy(nodes, index, t);
      break;
    case "DISTRIBUTE":
    case "SORT":
    case "CLUSTER":
      if (isWord(following, "BY")) return partitioningClause(nodes, index, t);
      break;
    case "LATERAL":
      if (isWord(following, "VIEW")) return lateralView(nodes, index, t, alias);
      break;
    case "LEFT":
      // LEFT SEMI JOIN / LEFT ANTI JOIN are SEMI JOIN / ANTI JOIN in DuckDB.
      if (isWord(following, "SEMI", "ANTI")) return { text: "", next };
      break;
    case "MINUS":
      return one("EXCEPT");
    case "ROWS":
    case "RANGE":
      if (
        isWord(following, "BETWEEN", "UNBOUNDED", "CURRENT") ||
        (isToken(following) && following.kind === "number")
      ) {
        checkFrame(nodes, index);
      }
      break;
    case "CURRENT_DATE":
      if (!isGroup(following, "(")) return one("current_date");
      break;
    case "CURRENT_TIMESTAMP":
      if (!isGroup(following, "(")) return one("CAST(current_timestamp AS TIMESTAMP)");
      break;
    case "WITH":
      if (isWord(following, "ROLLUP", "CUBE")) {
        throw unsupported(
          `GROUP BY … WITH ${(following as Token).value}`,
          token,
          `Write GROUP BY ${(following as Token).value}(a, b).`,
        );
      }
      break;
  }
  rejectKeyword(nodes, index, following);
  if (isGroup(following, "(") && isCallName(nodes, index, next)) return call(nodes, index, next, t);
  return one(token.text);
}

const REJECTED_KEYWORDS: Record<string, string> = {
  TABLESAMPLE: `Filter with WHERE instead (DuckDB's sampling picks other rows), ${GLUE_HINT}.`,
  INTERVAL:
    "Use date_add(d, n), date_sub(d, n) or add_months(d, n): DuckDB's date + INTERVAL gives a timestamp where Spark gives a date.",
  PIVOT: `Write one conditional aggregate per column, e.g. sum(CASE WHEN k = 'a' THEN v END) AS a, ${GLUE_HINT}.`,
  UNPIVOT: `Write one SELECT per column joined with UNION ALL, ${GLUE_HINT}.`,
  WITHIN: "Use percentile(x, p) (exact) or percentile_approx(x, p).",
};

function rejectKeyword(nodes: Node[], index: number, following: Node | undefined): void {
  const token = nodes[index] as Token;
  const hint = REJECTED_KEYWORDS[token.value];
  if (hint && (token.value !== "PIVOT" || isGroup(following, "(")))
    throw unsupported(token.value, token, hint);
  const script = `Run this cell on AWS Glue: Lakebook does not run scripts locally.`;
  if (token.value === "USING" && isToken(following) && following.kind === "string") {
    throw unsupported("A TRANSFORM/MAP/REDUCE … USING script", token, script);
  }
  const afterGroup = nodes[nextSignificant(nodes, nextSignificant(nodes, index + 1) + 1)];
  if (token.value === "TRANSFORM" && isGroup(following, "(") && isWord(afterGroup, "USING", "ROW")) {
    throw unsupported("SELECT TRANSFORM (…) USING script", token, script);
  }
}

/** A word before `(` is a call unless it is structure, an alias column list or a CTE column list. */
function isCallName(nodes: Node[], index: number, group: number): boolean {
  const token = nodes[index] as Token;
  const previous = nodes[previousSignificant(nodes, index - 1)];
  // filter(arr, x -> …) is a function; FILTER (WHERE …) after a call is the aggregate clause.
  const filterFunction = token.value === "FILTER" && !isGroup(previous, "(") && !isWord(previous, "NULLS");
  const patternFunction =
    isWord(token, "RLIKE", "REGEXP") && !endsOperand(nodes, previousSignificant(nodes, index - 1));
  if (STRUCTURE_WORDS.has(token.value) && !filterFunction && !patternFunction) return false;
  if (isWord(previous, "AS")) return false;
  const afterGroup = nextSignificant(nodes, group + 1);
  const cteColumns =
    isWord(nodes[afterGroup], "AS") && isGroup(nodes[nextSignificant(nodes, afterGroup + 1)], "(");
  return !(cteColumns && !lookupFunction(token.value.toLowerCase()));
}

function call(nodes: Node[], index: number, groupAt: number, t: Translator): Step {
  const name = nodes[index] as Token;
  if (isOp(nodes[index - 1], ".")) {
    throw unsupported(
      `The function ${name.text}() with a database prefix (a UDF)`,
      name,
      `User-defined functions are not in the subset, ${GLUE_HINT}.`,
    );
  }
  const rewrite = lookupFunction(name.value.toLowerCase());
  if (!rewrite) throw unknownFunction(name);
  const group = nodes[groupAt] as Group;
  const args = splitAtCommas(group.body);
  let distinct = false;
  const first = args[0];
  if (first && isWord(first[0], "DISTINCT", "ALL")) {
    distinct = first[0].value === "DISTINCT";
    args[0] = trimmed(first.slice(1));
  }
  const current: Call = { name, args, distinct, ignoreNulls: false, filter: undefined, over: undefined, t };
  // What follows the parentheses belongs to the call: IGNORE NULLS, FILTER (WHERE …), OVER ….
  let end = groupAt;
  let look = nextSignificant(nodes, end + 1);
  const nulls = nextSignificant(nodes, look + 1);
  if (isWord(nodes[look], "IGNORE", "RESPECT") && isWord(nodes[nulls], "NULLS")) {
    current.ignoreNulls = (nodes[look] as Token).value === "IGNORE";
    end = nulls;
    look = nextSignificant(nodes, end + 1);
  }
  const filterAt = nextSignificant(nodes, look + 1);
  const filter = nodes[filterAt];
  if (isWord(nodes[look], "FILTER") && isGroup(filter, "(")) {
    const body = trimmed(filter.body);
    if (!isWord(body[0], "WHERE"))
      throw unsupported("FILTER without WHERE", filter.open, "Write FILTER (WHERE condition).");
    current.filter = t.emit(trimmed(body.slice(1)));
    end = filterAt;
    look = nextSignificant(nodes, end + 1);
  }
  const windowAt = nextSignificant(nodes, look + 1);
  const window = nodes[windowAt];
  if (isWord(nodes[look], "OVER") && window) {
    current.over = ` OVER ${isGroup(window, "(") ? `(${t.emit(window.body)})` : t.emit([window])}`;
    end = windowAt;
  }
  const text = rewrite(current);
  if (current.ignoreNulls) {
    throw unsupported(
      `IGNORE NULLS on ${name.text.toLowerCase()}()`,
      name,
      "The subset covers IGNORE NULLS on first, last, first_value, last_value, lag, lead and nth_value.",
    );
  }
  return { text, next: end + 1 };
}
