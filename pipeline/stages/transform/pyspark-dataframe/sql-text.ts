import {
  isBlank,
  isGroup,
  isOp,
  isToken,
  isWord,
  type Node,
  nextSignificant,
  STRUCTURE_WORDS,
  trimmed,
  VALUE_WORDS,
} from "../../../engine/spark-sql";

/** What replaces a span while writing text: its text and the index after it. */
type Replace = (nodes: Node[], index: number) => { text: string; next: number } | undefined;

/**
 * An expression's Spark SQL as one line for `F.expr("…")`: the cell's own text, comments dropped
 * and each run of whitespace between tokens made one space (string literals keep theirs).
 * `replace` swaps spans, e.g. an aggregate call in HAVING for the column that holds it.
 */
export function sqlText(nodes: Node[], replace?: Replace): string {
  let out = "";
  let space = false;
  const write = (text: string) => {
    if (space && out !== "") out += " ";
    space = false;
    out += text;
  };
  const level = (list: Node[]) => {
    for (let index = 0; index < list.length; ) {
      const swapped = replace?.(list, index);
      if (swapped) {
        write(swapped.text);
        index = swapped.next;
        continue;
      }
      const node = list[index] as Node;
      index += 1;
      if (isBlank(node)) space = true;
      else if (node.kind === "group") {
        write(node.open.text);
        // `f( x )` reads as `f(x)`; CASE … END keeps its spaces.
        if (node.bracket === "CASE") {
          space = true;
          level(node.body);
          space = true;
        } else level(trimmed(node.body));
        write(node.close.text);
      } else if (node.kind === "raw") write(node.text);
      else write(node.text);
    }
  };
  level(nodes);
  return out;
}

/** The text exactly as written (line breaks and comments kept), for `spark.sql("""…""")`. */
export function verbatim(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (node.kind === "group") return `${node.open.text}${verbatim(node.body)}${node.close.text}`;
      return node.text;
    })
    .join("");
}

/** A comparison key: `Max( x )` and `max(x)` are the same expression, as Spark's names are case-blind. */
export function sqlKey(nodes: Node[]): string {
  const parts: string[] = [];
  const level = (list: Node[]) => {
    for (const node of list) {
      if (isBlank(node)) continue;
      if (node.kind === "group") {
        parts.push(node.open.text.toUpperCase());
        level(node.body);
        parts.push(node.close.text.toUpperCase());
      } else if (node.kind === "raw") parts.push(node.text);
      else if (node.kind === "word" || node.kind === "quoted") parts.push(node.value.toUpperCase());
      else parts.push(node.text);
    }
  };
  level(nodes);
  return parts.join(" ");
}

/** A name part: a word that is not SQL structure or a value, or a `quoted` identifier. */
export function isNamePart(node: Node | undefined): boolean {
  if (!isToken(node)) return false;
  if (node.kind === "quoted") return true;
  return node.kind === "word" && !STRUCTURE_WORDS.has(node.value) && !VALUE_WORDS.has(node.value);
}

/** An identifier's value as Spark reads it: `x` → x, Word → Word. */
export function nameValue(node: Node): string {
  return isToken(node) && node.kind === "quoted" ? node.value : isToken(node) ? node.text : "";
}

/** `a`, `t.a`, `s.t.a`, `credits.\`cast\``: a plain column reference, read with `F.col`. */
export function plainColumn(nodes: Node[]): { ref: string; name: string } | undefined {
  const parts = nodes.filter((node) => !isBlank(node));
  if (parts.length % 2 === 0) return undefined;
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 0 ? !isNamePart(part) : !isOp(part, ".")) return undefined;
  }
  return { ref: sqlText(parts), name: nameValue(parts[parts.length - 1] as Node) };
}

const AGGREGATES = new Set(
  `COUNT SUM AVG MEAN MIN MAX FIRST LAST FIRST_VALUE LAST_VALUE ANY_VALUE COLLECT_LIST COLLECT_SET
  APPROX_COUNT_DISTINCT APPROX_PERCENTILE PERCENTILE PERCENTILE_APPROX MEDIAN MODE STDDEV STDDEV_POP
  STDDEV_SAMP STD VARIANCE VAR_POP VAR_SAMP CORR COVAR_POP COVAR_SAMP COUNT_IF BOOL_AND BOOL_OR EVERY
  SOME ANY MAX_BY MIN_BY SKEWNESS KURTOSIS BIT_AND BIT_OR BIT_XOR`.split(/\s+/),
);

/** The end (exclusive) of an aggregate call at `index` — `max(x)`, not `max(x) OVER (…)` — or undefined. */
export function aggregateCallEnd(nodes: Node[], index: number): number | undefined {
  const name = nodes[index];
  if (!isToken(name) || name.kind !== "word" || !AGGREGATES.has(name.value)) return undefined;
  if (isOp(nodes[index - 1], ".")) return undefined;
  const args = nextSignificant(nodes, index + 1);
  if (!isGroup(nodes[args], "(")) return undefined;
  let end = args + 1;
  // `count_if(x) FILTER (WHERE …)` belongs to the call.
  const filter = nextSignificant(nodes, end);
  if (isWord(nodes[filter], "FILTER") && isGroup(nodes[nextSignificant(nodes, filter + 1)], "(")) {
    end = nextSignificant(nodes, filter + 1) + 1;
  }
  let after = nextSignificant(nodes, end);
  // `first(x) IGNORE NULLS` is still an aggregate; followed by OVER it is a window function.
  if (
    isWord(nodes[after], "IGNORE", "RESPECT") &&
    isWord(nodes[nextSignificant(nodes, after + 1)], "NULLS")
  ) {
    end = nextSignificant(nodes, after + 1) + 1;
    after = nextSignificant(nodes, end);
  }
  if (isWord(nodes[after], "OVER")) return undefined;
  return end;
}

/** Whether any level of `nodes` holds `test`. */
function anyLevel(nodes: Node[], test: (level: Node[], index: number) => boolean): boolean {
  return nodes.some(
    (node, index) => test(nodes, index) || (node.kind === "group" && anyLevel(node.body, test)),
  );
}

export function hasAggregate(nodes: Node[]): boolean {
  return anyLevel(nodes, (level, index) => aggregateCallEnd(level, index) !== undefined);
}

export function hasWindow(nodes: Node[]): boolean {
  return anyLevel(nodes, (level, index) => isWord(level[index], "OVER"));
}

/** A `(SELECT …)` anywhere inside: F.expr cannot hold a subquery. */
export function hasSubquery(nodes: Node[]): boolean {
  return anyLevel(nodes, (level, index) => {
    const node = level[index];
    return isGroup(node, "(") && isWord(node.body[nextSignificant(node.body, 0)], "SELECT", "WITH");
  });
}

export function hasHint(nodes: Node[]): boolean {
  return anyLevel(nodes, (level, index) => isToken(level[index]) && level[index]?.kind === "hint");
}

/** Whether `name` is used as a qualifier (`name.column`), so its DataFrame needs `.alias(name)`. */
export function usedAsQualifier(nodes: Node[], name: string): boolean {
  const wanted = name.toLowerCase();
  return anyLevel(
    nodes,
    (level, index) =>
      isNamePart(level[index]) &&
      nameValue(level[index] as Node).toLowerCase() === wanted &&
      !isOp(level[index - 1], ".") &&
      isOp(level[nextSignificant(level, index + 1)], "."),
  );
}

/** Every name used anywhere inside, lower-cased: which views a `spark.sql` fallback reads. */
export function namesUsed(nodes: Node[]): Set<string> {
  const names = new Set<string>();
  anyLevel(nodes, (level, index) => {
    const node = level[index];
    if (isNamePart(node)) names.add(nameValue(node as Node).toLowerCase());
    return false;
  });
  return names;
}
