import type { ResolvedInput } from "./inputs";
import { dataframeLines, pyComment, pythonNames } from "./pyspark-dataframe";
import type { TransformSettings } from "./settings";

/**
 * The PySpark a transform cell stands for, for students: the cell's SQL as a comment to compare
 * with, the inputs read and the output written with the DataFrame API (where `sep`, `nullValue` and
 * `multiLine` go), and the SQL's logic itself as DataFrame calls (`pyspark-dataframe/`), with
 * `spark.sql` only for a construct that has no DataFrame form there. `bucket` is the lake's S3 URI;
 * locally it is a placeholder.
 */
export function pysparkScript(
  settings: TransformSettings,
  inputs: ResolvedInput[],
  location: string,
  bucket = "s3://<your-bucket>/",
): string {
  const base = bucket.endsWith("/") ? bucket : `${bucket}/`;
  const table = `${settings.output.database}.${settings.output.table}`;
  const variableFor = pythonNames();
  const lines = [
    `# Transform cell -> ${table}. Its Spark SQL, written below with the DataFrame API:`,
    "#",
    ...pyComment(settings.sql.trim(), "#   "),
    "",
    "from pyspark.sql import SparkSession",
    "from pyspark.sql import functions as F",
    "",
    'spark = SparkSession.builder.appName("lakebook-transform").enableHiveSupport().getOrCreate()',
    "",
  ];
  const views = new Map<string, string>();
  for (const input of inputs) {
    const variable = variableFor(input.name);
    views.set(input.name.toLowerCase(), variable);
    const reader = [`spark.read.format(${py(input.format)})`];
    for (const [key, value] of Object.entries(input.options))
      reader.push(`.option(${py(key)}, ${py(value)})`);
    if (input.path.endsWith("/")) reader.push('.option("recursiveFileLookup", "true")');
    reader.push(`.load(${py(`${base}${input.path}`)})`);
    lines.push(`${variable} = (${reader.join("\n    ")})`);
    if (input.dateColumn) {
      lines.push(
        `${variable} = ${variable}.withColumn(${py(input.dateColumn)}, F.to_date(F.regexp_extract(F.input_file_name(), r"(\\d{4}/\\d{2}/\\d{2})/[^/]*$", 1), "yyyy/MM/dd"))`,
      );
    }
    // The DataFrame code reads the variable; a spark.sql fallback reads the view.
    lines.push(`${variable}.createOrReplaceTempView(${py(input.name)})`, "");
  }
  lines.push(...dataframeLines(settings.sql, views, variableFor), "");
  const writer = [`result.write.mode(${py(settings.mode)})`, '.format("parquet")'];
  if (settings.partitionBy.length > 0)
    writer.push(`.partitionBy(${settings.partitionBy.map(py).join(", ")})`);
  writer.push(`.option("path", ${py(`${base}${location}`)})`, `.saveAsTable(${py(table)})`);
  lines.push(`(${writer.join("\n    ")})`, "");
  return lines.join("\n");
}

function py(value: string): string {
  return JSON.stringify(value);
}
