import type { ResolvedInput } from "./inputs";
import type { TransformSettings } from "./settings";

/**
 * The PySpark a transform cell stands for, for students: the inputs read and the output written
 * with the DataFrame API (where `sep`, `nullValue` and `multiLine` go), the cell's SQL run as is
 * through `spark.sql`. `bucket` is the lake's S3 URI; locally it is a placeholder.
 */
export function pysparkScript(
  settings: TransformSettings,
  inputs: ResolvedInput[],
  location: string,
  bucket = "s3://<your-bucket>/",
): string {
  const base = bucket.endsWith("/") ? bucket : `${bucket}/`;
  const lines = [
    "from pyspark.sql import SparkSession",
    ...(inputs.some((input) => input.dateColumn) ? ["from pyspark.sql import functions as F"] : []),
    "",
    'spark = SparkSession.builder.appName("lakebook-transform").enableHiveSupport().getOrCreate()',
    "",
  ];
  for (const input of inputs) {
    const reader = [`spark.read.format(${py(input.format)})`];
    for (const [key, value] of Object.entries(input.options))
      reader.push(`.option(${py(key)}, ${py(value)})`);
    if (input.path.endsWith("/")) reader.push('.option("recursiveFileLookup", "true")');
    reader.push(`.load(${py(`${base}${input.path}`)})`);
    lines.push(`${input.name} = (${reader.join("\n    ")})`);
    if (input.dateColumn) {
      lines.push(
        `${input.name} = ${input.name}.withColumn(${py(input.dateColumn)}, F.to_date(F.regexp_extract(F.input_file_name(), r"(\\d{4}/\\d{2}/\\d{2})/[^/]*$", 1), "yyyy/MM/dd"))`,
      );
    }
    lines.push(`${input.name}.createOrReplaceTempView(${py(input.name)})`, "");
  }
  const table = `${settings.output.database}.${settings.output.table}`;
  lines.push(`result = spark.sql(${pyLong(settings.sql.trim())})`, "");
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

/** A triple-quoted string; the SQL's own backslashes and quotes stay as they are. */
function pyLong(text: string): string {
  return `"""\n${text.replaceAll("\\", "\\\\").replaceAll('"""', '\\"\\"\\"')}\n"""`;
}
