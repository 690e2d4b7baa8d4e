import {
  integerLiteral,
  isGroup,
  isOp,
  isWord,
  type Node,
  nextSignificant,
  splitAtCommas,
} from "../../../engine/spark-sql";
import { ClauseCursor } from "./clause-cursor";
import {
  type Join,
  type JoinHow,
  type LateralView,
  NoDataFrameForm,
  type Relation,
  type SelectBlock,
} from "./query-shape";
import { readOrderBy, readSelectList } from "./read-items";
import { hasHint, hasSubquery, isNamePart, nameValue, sqlText, usedAsQualifier } from "./sql-text";

const JOIN_WORDS = ["JOIN", "INNER", "CROSS", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI", "NATURAL"];

/** One `SELECT … FROM … [JOIN …] [LATERAL VIEW …] [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT]`. */
export function readSelect(nodes: Node[]): SelectBlock {
  // A join hint changes the plan, not the rows; `.hint()` exists, but keeping it is spark.sql's job.
  if (hasHint(nodes)) throw new NoDataFrameForm("A /*+ hint */");
  const c = new ClauseCursor(nodes);
  if (!c.word("SELECT")) throw new NoDataFrameForm("A parenthesised query");
  c.skip("SELECT");
  let distinct = false;
  if (c.word("DISTINCT", "ALL")) distinct = isWord(c.take(), "DISTINCT");
  const items = readSelectList(c.untilClause());
  if (!c.word("FROM")) throw new NoDataFrameForm(c.done() ? "A SELECT without FROM" : c.describe());
  c.skip("FROM");
  const select: SelectBlock = { distinct, items, from: readRelation(c), steps: [], orderBy: [], nodes };
  for (;;) {
    if (c.word("LATERAL")) select.steps.push(readLateralView(c));
    else if (c.word(...JOIN_WORDS) && c.atClause()) select.steps.push(readJoin(c));
    else break;
  }
  for (const step of select.steps) {
    // withColumn adds a column, not a relation: `kw.k` would name nothing.
    if (step.kind === "lateral" && step.alias && usedAsQualifier(nodes, step.alias))
      throw new NoDataFrameForm(`A column read through the LATERAL VIEW's alias ${step.alias}`);
  }
  if (c.word("WHERE")) {
    c.skip("WHERE");
    select.where = c.expression("WHERE");
  }
  if (c.word("GROUP") && c.atClause()) {
    c.skip("GROUP", "BY");
    const keys = c.expression("GROUP BY");
    if (keys.some((node) => isWord(node, "ROLLUP", "CUBE", "GROUPING", "WITH")))
      throw new NoDataFrameForm("GROUP BY ROLLUP / CUBE / GROUPING SETS");
    select.groupBy = splitAtCommas(keys);
  }
  if (c.word("HAVING")) {
    c.skip("HAVING");
    select.having = c.expression("HAVING");
  }
  if (c.word("ORDER") && c.atClause()) {
    c.skip("ORDER", "BY");
    select.orderBy = readOrderBy(c.expression("ORDER BY"));
  }
  if (c.word("LIMIT")) {
    c.skip("LIMIT");
    const count = c.expression("LIMIT");
    if (!isWord(count[0], "ALL")) {
      const limit = integerLiteral(count);
      if (limit === undefined || limit < 0) throw new NoDataFrameForm("A LIMIT that is not a number");
      select.limit = limit;
    }
  }
  if (!c.done()) throw new NoDataFrameForm(c.describe());
  return select;
}

/** `name [AS] alias`: a CTE, an input view or a catalog table. */
function readRelation(c: ClauseCursor): Relation {
  const first = c.node();
  if (isGroup(first, "(")) {
    const inner = first.body[nextSignificant(first.body, 0)];
    throw new NoDataFrameForm(
      isWord(inner, "SELECT", "WITH") ? "A subquery in FROM" : "A parenthesised join",
    );
  }
  if (c.word("LATERAL")) throw new NoDataFrameForm("A LATERAL subquery");
  if (c.word("VALUES")) throw new NoDataFrameForm("VALUES in FROM");
  if (!isNamePart(first)) throw new NoDataFrameForm(`FROM ${c.describe()}`);
  const name: Node[] = [c.take()];
  while (isOp(c.node(), ".") && isNamePart(c.node(1))) name.push(c.take(), c.take());
  if (isGroup(c.node(), "(")) throw new NoDataFrameForm("A table-valued function in FROM");
  const relation: Relation = {
    parts: name.filter((node) => !isOp(node, ".")).map(nameValue),
    text: sqlText(name),
  };
  if (c.word("AS")) {
    c.skip("AS");
    if (!isNamePart(c.node())) throw new NoDataFrameForm(`AS ${c.describe()}`);
    relation.alias = nameValue(c.take());
  } else if (isNamePart(c.node()) && !c.atClause()) relation.alias = nameValue(c.take());
  if (isGroup(c.node(), "(")) throw new NoDataFrameForm("Column names after a table alias");
  if (isOp(c.node(), ",")) throw new NoDataFrameForm("A comma join (FROM a, b)");
  return relation;
}

function readJoin(c: ClauseCursor): Join {
  if (c.word("NATURAL")) throw new NoDataFrameForm("NATURAL JOIN");
  let how: JoinHow = "inner";
  const word = c.node();
  if (isWord(word, "INNER", "CROSS", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI")) {
    c.take();
    how =
      word.value === "SEMI"
        ? "left_semi"
        : word.value === "ANTI"
          ? "left_anti"
          : (JOIN_HOW[word.value] ?? "inner");
    if (word.value === "LEFT" && c.word("SEMI", "ANTI"))
      how = isWord(c.take(), "SEMI") ? "left_semi" : "left_anti";
    else if (c.word("OUTER") && ["LEFT", "RIGHT", "FULL"].includes(word.value)) c.take();
  }
  c.skip("JOIN");
  const join: Join = { kind: "join", how, relation: readRelation(c) };
  if (c.word("ON")) {
    c.skip("ON");
    join.on = c.expression("JOIN … ON");
  } else if (c.word("USING")) {
    c.skip("USING");
    const list = c.take();
    const names = isGroup(list, "(") ? splitAtCommas(list.body) : [];
    if (names.length === 0 || names.some((name) => name.length !== 1 || !isNamePart(name[0])))
      throw new NoDataFrameForm("A USING list that is not column names");
    join.using = names.map((name) => nameValue(name[0] as Node));
  }
  return join;
}

const JOIN_HOW: Record<string, JoinHow> = {
  INNER: "inner",
  CROSS: "cross",
  LEFT: "left",
  RIGHT: "right",
  FULL: "full",
};

const GENERATORS: Record<string, Pick<LateralView, "generator" | "outer">> = {
  EXPLODE: { generator: "explode", outer: false },
  EXPLODE_OUTER: { generator: "explode", outer: true },
  POSEXPLODE: { generator: "posexplode", outer: false },
  POSEXPLODE_OUTER: { generator: "posexplode", outer: true },
};

/** `LATERAL VIEW [OUTER] explode(arr) t [AS] col` (posexplode: `AS pos, col`). */
function readLateralView(c: ClauseCursor): LateralView {
  c.skip("LATERAL");
  if (!c.word("VIEW")) throw new NoDataFrameForm("A LATERAL subquery");
  c.skip("VIEW");
  let outer = false;
  if (c.word("OUTER")) outer = Boolean(c.take());
  const name = c.node();
  const kind = isWord(name) ? GENERATORS[name.value] : undefined;
  c.take();
  const args = c.take();
  if (!kind || !isGroup(args, "(")) throw new NoDataFrameForm(`LATERAL VIEW ${sqlText([name ?? args])}(…)`);
  const [argument, ...others] = splitAtCommas(args.body);
  if (!argument || others.length > 0) throw new NoDataFrameForm(`${kind.generator}() of several arrays`);
  if (hasSubquery(argument)) throw new NoDataFrameForm("A subquery in LATERAL VIEW");
  const alias = isNamePart(c.node()) && !c.word("AS") ? nameValue(c.take()) : undefined;
  if (c.word("AS")) c.skip("AS");
  const columns: string[] = [];
  while (isNamePart(c.node())) {
    columns.push(nameValue(c.take()));
    if (!isOp(c.node(), ",") || !isNamePart(c.node(1))) break;
    c.take();
  }
  const wanted = kind.generator === "explode" ? ["col"] : ["pos", "col"];
  if (columns.length > 0 && columns.length !== wanted.length)
    throw new NoDataFrameForm(`LATERAL VIEW ${kind.generator} with ${columns.length} column names`);
  return {
    kind: "lateral",
    generator: kind.generator,
    outer: outer || kind.outer,
    argument,
    columns: columns.length > 0 ? columns : wanted,
    ...(alias ? { alias } : {}),
  };
}
