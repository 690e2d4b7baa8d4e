import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../../../pipeline/document";
import { parseTransformSettings, type ResolvedInput } from "../../../../pipeline/stages/transform";
import { pysparkScript } from "../../../../pipeline/stages/transform/pyspark-script";

const settings = parseTransformSettings({
  id: "trusted_tmdb_movies",
  source: `-- output: trusted.tmdb_movies
-- partitionBy: [dt]
SELECT imdb_id, regexp_replace(title, '\\\\s+', ' ') AS title, """quoted""" AS q, dt FROM tmdb_json`,
});
const inputs: ResolvedInput[] = [
  {
    name: "tmdb_json",
    path: "Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json",
    format: "json" as const,
    options: { multiLine: "true" },
    dateColumn: "dt",
  },
  {
    name: "raw_movies",
    path: "Raw/Local/CSV/Movies/2026/11/25/",
    format: "csv" as const,
    options: { sep: "|", nullValue: "\\N" },
  },
];

describe("the PySpark a transform cell stands for", () => {
  const script = pysparkScript(settings, inputs, "Trusted/TMDB/Parquet/tmdb_movies/", "s3://my-lake");

  it("reads with the cell's options and writes partitioned Parquet to the table's location", () => {
    expect(script).toContain('spark.read.format("json")\n    .option("multiLine", "true")');
    expect(script).toContain('.option("sep", "|")\n    .option("nullValue", "\\\\N")');
    expect(script).toContain('.load("s3://my-lake/Raw/Local/CSV/Movies/2026/11/25/")');
    expect(script).toContain('.withColumn("dt", F.to_date(F.regexp_extract(F.input_file_name()');
    expect(script).toContain('.partitionBy("dt")');
    expect(script).toContain(
      '.option("path", "s3://my-lake/Trusted/TMDB/Parquet/tmdb_movies/")\n    .saveAsTable("trusted.tmdb_movies")',
    );
  });

  it("is valid Python; the SQL's expressions reach F.expr with their backslashes and quotes intact", () => {
    expect(script).not.toContain("spark.sql(");
    expect(script).toContain("#   SELECT imdb_id, regexp_replace(title, '\\\\s+', ' ') AS title");
    const { expr } = compiled({ "transform.py": script })["transform.py"] as PythonStrings;
    expect(expr).toEqual(["regexp_replace(title, '\\\\s+', ' ')", '"""quoted"""']);
  });

  it("runs a construct without a DataFrame form through spark.sql, the SQL byte for byte", () => {
    const fallback = parseTransformSettings({
      id: "odd",
      source: `-- output: refined.odd
SELECT imdb_id FROM tmdb_json WHERE title RLIKE '\\\\d+ """x"""'
INTERSECT
SELECT imdb_id FROM raw_movies`,
    });
    const text = pysparkScript(fallback, inputs, "Refined/odd/");
    expect(text).toContain("# spark.sql: INTERSECT has no DataFrame form here\nresult = spark.sql(");
    const { sql } = compiled({ "odd.py": text })["odd.py"] as PythonStrings;
    expect(sql.map((value) => value.trim())).toEqual([fallback.sql.trim()]);
  });
});

describe("the demo notebook's transform cells", () => {
  const demo = path.join(import.meta.dirname, "../../../../assets/demo/horror-subgenres.lakebook.md");
  const cells = parseNotebook(readFileSync(demo, "utf8")).notebook.cells.filter(
    (cell) => cell.kind === "transform",
  );
  const scripts = Object.fromEntries(
    cells.map((cell) => {
      const cellSettings = parseTransformSettings(cell);
      const cellInputs: ResolvedInput[] = Object.keys(cellSettings.inputs).map((name) => ({
        name,
        path: `Raw/${name}/`,
        format: "parquet",
        options: {},
      }));
      return [`${cell.id}.py`, pysparkScript(cellSettings, cellInputs, `Refined/${cell.id}/`)];
    }),
  );

  it("are the eleven of Stage 3", () => {
    expect(Object.keys(scripts)).toEqual(
      [
        "trusted_movies",
        "trusted_series",
        "trusted_tmdb_movies",
        "trusted_tmdb_series",
        "dim_title",
        "dim_date",
        "dim_subgenre",
        "bridge_title_subgenre",
        "dim_person",
        "bridge_title_person",
        "fact_title_rating",
      ].map((id) => `${id}.py`),
    );
  });

  it("each become DataFrame code, no spark.sql, and compile", () => {
    for (const [file, text] of Object.entries(scripts)) {
      expect(text, file).not.toContain("spark.sql(");
      expect(text, file).toMatch(/^result = \(/m);
    }
    const strings = compiled(scripts);
    expect(Object.keys(strings)).toHaveLength(11);
    for (const [file, { sql }] of Object.entries(strings)) expect(sql, file).toEqual([]);
  });

  it("keep the cells' shapes: CTE variables, joins, lateral views, grouping", () => {
    expect(scripts["dim_title.py"]).toContain("csv_titles = (");
    expect(scripts["dim_title.py"]).toContain(
      'csv_titles.alias("c")\n    .join(\n        tmdb_dates.alias("t"),',
    );
    expect(scripts["dim_subgenre.py"]).toContain('.withColumn("k", F.explode(F.col("keywords")))');
    expect(scripts["dim_person.py"]).toContain('.groupBy(F.col("person_key"))');
    expect(scripts["bridge_title_person.py"]).toContain(
      '.groupBy(F.col("t.title_key"), F.col("c.person_key"), F.col("c.role"))\n    .agg(F.expr("min(c.cast_order)").alias("cast_order"))',
    );
    expect(scripts["trusted_movies.py"]).toContain("raw_movies\n    .select(");
  });
});

interface PythonStrings {
  expr: string[];
  sql: string[];
}

/**
 * Compiles each file with python3 (pyspark is not installed: compile only, never run) and returns
 * what Python sees in each `F.expr("…")` and `spark.sql("""…""")` string.
 */
function compiled(files: Record<string, string>): Record<string, PythonStrings> {
  const dir = mkdtempSync(path.join(tmpdir(), "lakebook-pyspark-"));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    });
    execFileSync("python3", ["-m", "py_compile", ...paths]);
    const out = execFileSync("python3", [
      "-c",
      `import ast, json, os, sys
result = {}
for file in sys.argv[1:]:
    calls = [n for n in ast.walk(ast.parse(open(file).read())) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    strings = lambda name: [c.args[0].value for c in calls if c.func.attr == name and isinstance(c.args[0], ast.Constant)]
    result[os.path.basename(file)] = {"expr": strings("expr"), "sql": strings("sql")}
print(json.dumps(result))`,
      ...paths,
    ]).toString();
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
