import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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

  it("reads with the cell's options, runs its SQL and writes partitioned Parquet to the table's location", () => {
    expect(script).toContain('spark.read.format("json")\n    .option("multiLine", "true")');
    expect(script).toContain('.option("sep", "|")\n    .option("nullValue", "\\\\N")');
    expect(script).toContain('.load("s3://my-lake/Raw/Local/CSV/Movies/2026/11/25/")');
    expect(script).toContain('.withColumn("dt", F.to_date(F.regexp_extract(F.input_file_name()');
    expect(script).toContain('.partitionBy("dt")');
    expect(script).toContain(
      '.option("path", "s3://my-lake/Trusted/TMDB/Parquet/tmdb_movies/")\n    .saveAsTable("trusted.tmdb_movies")',
    );
  });

  it("is valid Python, with the SQL's backslashes and quotes intact", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lakebook-pyspark-"));
    try {
      const file = path.join(dir, "transform.py");
      writeFileSync(file, script);
      execFileSync("python3", ["-m", "py_compile", file]);
      // The SQL string as Python sees it is the cell's SQL, byte for byte.
      const sql = execFileSync("python3", [
        "-c",
        `import ast,sys; tree = ast.parse(open(sys.argv[1]).read()); print([n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and 'SELECT' in n.value][0].strip())`,
        file,
      ]).toString();
      expect(sql.trim()).toBe(settings.sql.trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
