import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dataframeLines,
  pyString,
  pythonNames,
} from "../../../../pipeline/stages/transform/pyspark-dataframe";
import { type PythonSession, startPython } from "../../../helpers/python-session";

/** The DataFrame code for `sql`, with `inputs` as views the script has already read. */
function code(sql: string, inputs: string[] = []): string {
  const names = pythonNames();
  return dataframeLines(sql, new Map(inputs.map((input) => [input, names(input)])), names).join("\n");
}

// One python3 for the whole file. Each request is a source text: it is compiled as `py_compile`
// compiles a file (pyspark is not installed: compile only, never run), then its strings are read.
const READ_STRINGS = `import ast, json, sys
for line in iter(sys.stdin.readline, ""):
    source = json.loads(line)
    try:
        compile(source, "logic.py", "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        print(json.dumps({"failed": repr(error)}), flush=True)
        continue
    tree = ast.parse(source)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    strings = lambda name: [c.args[0].value for c in calls if c.func.attr == name and isinstance(c.args[0], ast.Constant)]
    print(json.dumps({"expr": strings("expr"), "sql": strings("sql")}), flush=True)`;
let python: PythonSession;
beforeAll(() => {
  python = startPython(["-c", READ_STRINGS]);
});
afterAll(async () => {
  await python.close();
});

/** Compiles the code in Python and returns what Python sees in each `F.expr("…")` and `spark.sql("""…""")` string. */
async function pythonStrings(source: string): Promise<{ expr: string[]; sql: string[] }> {
  const answer = await python.ask<{ expr: string[]; sql: string[]; failed?: string }>(source);
  if (answer.failed !== undefined) throw new Error(`python3 cannot compile the code: ${answer.failed}`);
  return { expr: answer.expr, sql: answer.sql };
}

describe("the DataFrame code a transform's SQL stands for: exact output", () => {
  it("writes a SELECT as filter then select, F.col for columns and F.expr for expressions", () => {
    expect(
      code("SELECT id AS imdb_id, CAST(votes AS BIGINT) AS votes, title FROM raw_movies WHERE votes > 10", [
        "raw_movies",
      ]),
    ).toBe(`result = (
    raw_movies
    .filter(F.expr("votes > 10"))
    .select(
        F.col("id").alias("imdb_id"),
        F.expr("CAST(votes AS BIGINT)").alias("votes"),
        F.col("title"),
    )
)`);
  });

  it("writes each CTE as a variable, catalog tables through spark.table", () => {
    expect(
      code("WITH a AS (SELECT x FROM trusted.t), b AS (SELECT x FROM a) SELECT * FROM b"),
    ).toBe(`# WITH a AS (…)
a = (
    spark.table("trusted.t")
    .select(F.col("x"))
)

# WITH b AS (…)
b = (
    a
    .select(F.col("x"))
)

result = b`);
  });

  it("writes GROUP BY + HAVING as groupBy, agg and a filter on the agg's column", () => {
    expect(
      code(
        "SELECT genre, count(*) AS n, avg(rating) AS r FROM movies GROUP BY genre HAVING count(*) > 10 ORDER BY n DESC LIMIT 5",
        ["movies"],
      ),
    ).toBe(`result = (
    movies
    .groupBy(F.col("genre"))
    .agg(F.expr("count(*)").alias("n"), F.expr("avg(rating)").alias("r"))
    .filter(F.expr("n > 10"))
    .orderBy(F.col("n").desc_nulls_last())
    .limit(5)
)`);
  });

  it("writes joins with aliases, LATERAL VIEW as withColumn, UNION as union + distinct", () => {
    expect(
      code(`SELECT t.id, lower(k.name) AS word
FROM titles t LEFT JOIN trusted.extra e ON e.id = t.id LATERAL VIEW explode(t.keywords) kw AS k
UNION
SELECT id, name FROM trusted.more`),
    ).toBe(`result = (
    spark.table("titles").alias("t")
    .join(
        spark.table("trusted.extra").alias("e"),
        on=F.expr("e.id = t.id"),
        how="left",
    )
    .withColumn("k", F.explode(F.col("t.keywords")))
    .select(F.col("t.id"), F.expr("lower(k.name)").alias("word"))
    .union(
        spark.table("trusted.more")
        .select(F.col("id"), F.col("name")),
    )
    .distinct()
)`);
  });
});

describe("the DataFrame code, clause by clause", () => {
  it.each([
    ["JOIN", '.join(spark.table("b"), on=F.expr("a.k = b.k"), how="inner")'],
    ["INNER JOIN", 'how="inner"'],
    ["LEFT OUTER JOIN", 'how="left"'],
    ["RIGHT JOIN", 'how="right"'],
    ["FULL OUTER JOIN", 'how="full"'],
    ["LEFT SEMI JOIN", 'how="left_semi"'],
    ["LEFT ANTI JOIN", 'how="left_anti"'],
    ["ANTI JOIN", 'how="left_anti"'],
  ])("%s", (join, expected) => {
    expect(code(`SELECT * FROM a ${join} b ON a.k = b.k`)).toContain(expected);
  });

  it("CROSS JOIN, USING and a view qualified by its own name", () => {
    expect(code("SELECT * FROM a CROSS JOIN b")).toContain('.crossJoin(spark.table("b"))');
    expect(code("SELECT * FROM a JOIN b USING (id, k)")).toContain(
      '.join(spark.table("b"), on=["id", "k"], how="inner")',
    );
    // An input variable has no name of its own: qualifying with it needs .alias.
    expect(code("SELECT movies.id FROM movies JOIN b ON b.id = movies.id", ["movies"])).toContain(
      'movies.alias("movies")',
    );
    expect(code("SELECT id FROM movies", ["movies"])).not.toContain(".alias(");
  });

  it("LATERAL VIEW explode, OUTER, posexplode and default column names", () => {
    expect(code("SELECT c FROM t LATERAL VIEW OUTER explode(xs) v AS c")).toContain(
      '.withColumn("c", F.explode_outer(F.col("xs")))',
    );
    expect(code("SELECT p, c FROM t LATERAL VIEW posexplode(xs) v AS p, c")).toContain(
      '.select("*", F.posexplode(F.col("xs")).alias("p", "c"))',
    );
    expect(code("SELECT col FROM t LATERAL VIEW explode(split(s, ',')) v")).toContain(
      `.withColumn("col", F.explode(F.expr("split(s, ',')")))`,
    );
  });

  it("grouping: reordered columns, hidden HAVING aggregates, ordinals, no aggregates, no keys", () => {
    expect(code("SELECT count(*) AS n, genre FROM t GROUP BY genre")).toContain(
      '.select(F.col("n"), F.col("genre"))',
    );
    const hidden = code("SELECT genre FROM t GROUP BY genre HAVING max(rating) > 8");
    expect(hidden).toContain('.agg(F.expr("max(rating)").alias("_having_1"))');
    expect(hidden).toContain('.filter(F.expr("_having_1 > 8"))\n    .select(F.col("genre"))');
    expect(code("SELECT lower(g) AS g2, count(*) AS n FROM t GROUP BY 1")).toContain(
      '.groupBy(F.expr("lower(g)").alias("g2"))',
    );
    expect(code("SELECT a, b FROM t GROUP BY a, b")).toContain(
      '.select(F.col("a"), F.col("b"))\n    .distinct()',
    );
    expect(code("SELECT count(DISTINCT x) AS n FROM t")).toContain(
      'spark.table("t")\n    .agg(F.expr("count(DISTINCT x)").alias("n"))',
    );
    expect(code("SELECT t.a, sum(x) FILTER (WHERE x > 0) AS s FROM t GROUP BY t.a")).toContain(
      '.groupBy(F.col("t.a"))\n    .agg(F.expr("sum(x) FILTER (WHERE x > 0)").alias("s"))',
    );
  });

  it("ORDER BY writes Spark's NULL placement out, reads SELECT items by position or expression", () => {
    expect(code("SELECT a, b, c, d FROM t ORDER BY a, b DESC, c NULLS LAST, d DESC NULLS FIRST")).toContain(
      '.orderBy(\n        F.col("a").asc_nulls_first(),\n        F.col("b").desc_nulls_last(),\n        F.col("c").asc_nulls_last(),\n        F.col("d").desc_nulls_first(),\n    )',
    );
    expect(code("SELECT a, lower(b) AS lb FROM t ORDER BY 2, lower(b) DESC")).toContain(
      '.orderBy(F.col("lb").asc_nulls_first(), F.col("lb").desc_nulls_last())',
    );
    // A key the SELECT list does not show is still there to sort by, as in Spark SQL.
    expect(code("SELECT t.a FROM t ORDER BY a, b")).toContain(
      '.orderBy(F.col("a").asc_nulls_first(), F.col("b").asc_nulls_first())',
    );
  });

  it("UNION ALL keeps position (union), DISTINCT and LIMIT", () => {
    const all = code("SELECT a FROM t UNION ALL SELECT b FROM u");
    expect(all).toContain('.union(\n        spark.table("u")\n        .select(F.col("b")),\n    )\n)');
    expect(all).not.toContain(".distinct()");
    expect(code("SELECT DISTINCT a FROM t LIMIT 3")).toContain(
      '.select(F.col("a"))\n    .distinct()\n    .limit(3)',
    );
  });

  it("window functions stay inside F.expr", () => {
    expect(code("SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC) AS n FROM t")).toContain(
      'F.expr("row_number() OVER (PARTITION BY a ORDER BY b DESC)").alias("n")',
    );
  });
});

describe("the spark.sql fallback", () => {
  it.each([
    ["SELECT a FROM t WHERE a IN (SELECT b FROM u)", "a subquery in WHERE"],
    ["SELECT a FROM (SELECT a FROM t) s", "a subquery in FROM"],
    ["SELECT a FROM t INTERSECT SELECT a FROM u", "INTERSECT"],
    ["SELECT a FROM t, u", "a comma join (FROM a, b)"],
    ["SELECT a FROM t SORT BY a", "SORT BY"],
    ["SELECT year(d) AS y, count(*) AS n FROM t GROUP BY y", "GROUP BY a SELECT-list alias"],
    ["SELECT a, count(*) FROM t GROUP BY ROLLUP(a)", "GROUP BY ROLLUP / CUBE / GROUPING SETS"],
    ["SELECT k.name FROM t LATERAL VIEW inline(xs) v AS k", "LATERAL VIEW inline(…)"],
    [
      "SELECT genre, count(*) AS n FROM t GROUP BY genre, year ORDER BY year",
      "ORDER BY an expression the grouped SELECT list does not name",
    ],
    ["SELECT /*+ BROADCAST(u) */ a FROM t JOIN u ON t.k = u.k", "a /*+ hint */"],
  ])("%s", async (sql, construct) => {
    const out = code(sql);
    expect(out).toContain(
      `# spark.sql: ${construct} has no DataFrame form here\nresult = spark.sql("""\n${sql}\n""")`,
    );
    expect((await pythonStrings(out)).sql).toEqual([`\n${sql}\n`]);
  });

  it("falls back for one CTE only, registering the CTEs it reads as views", () => {
    const out = code(`WITH a AS (SELECT x FROM t),
b AS (SELECT x FROM a INTERSECT SELECT x FROM u)
SELECT x FROM b`);
    expect(out).toContain('a = (\n    spark.table("t")');
    expect(out).toContain(
      '# spark.sql: INTERSECT has no DataFrame form here\na.createOrReplaceTempView("a")\nb = spark.sql("""\nSELECT x FROM a INTERSECT SELECT x FROM u\n""")',
    );
    expect(out).toContain('result = (\n    b\n    .select(F.col("x"))\n)');
  });
});

describe("Python strings that hold the cell's SQL", () => {
  it("F.expr gets the SQL byte for byte: quotes, backslashes, backticks", async () => {
    const expressions = [
      String.raw`regexp_replace(title, '\\s+', ' ')`,
      String.raw`'it\'s'`,
      String.raw`"say \"hi\""`,
      String.raw`coalesce(x, '\\N')`,
      String.raw`concat(a, "'", '"', '\\')`,
      "`weird col` + 1",
    ];
    const sql = `SELECT ${expressions.map((expression, index) => `${expression} AS c${index}`).join(",\n  ")} FROM t`;
    expect((await pythonStrings(code(sql))).expr).toEqual(expressions);
  });

  it("pyString picks a readable literal Python reads back exactly", async () => {
    const values = [
      "plain",
      `has "double"`,
      `it's`,
      String.raw`a\b`,
      `both ' and "`,
      "ends\\",
      "line\nbreak",
      "nul\u0000",
    ];
    const source = values.map((value, index) => `v${index} = F.expr(${pyString(value)})`).join("\n");
    expect((await pythonStrings(source)).expr).toEqual(values);
    expect(pyString(String.raw`'\\N'`)).toBe(String.raw`r"'\\N'"`);
  });

  it("variable names never clash with Python or the script", () => {
    const names = pythonNames();
    expect(["class", "spark", "result", "a-b", "1x", "class"].map(names)).toEqual([
      "class_df",
      "spark_df",
      "result_df",
      "a_b",
      "_1x",
      "class_df_2",
    ]);
  });
});
