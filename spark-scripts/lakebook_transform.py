"""Lakebook's generic transform runner for AWS Glue 5.0 (Spark 3.5, Python 3.11).

Arguments: ``--JOB_NAME`` (Glue sets it) and ``--spec s3://…/spec.json``, the TransformSpec the app
uploaded (see pipeline/aws/glue/transform-spec.ts). The job reads every input into a temp view,
runs the cell's SQL, writes Parquet and creates or updates the Glue Data Catalog table, then prints
one ``LAKEBOOK_RESULT {json}`` line to stdout (the /aws-glue/jobs/output log group).

Overwrite never leaves a half table: S3 has no atomic rename, so every overwrite writes to a new
folder ``<output.path><JOB_RUN_ID>/`` and only then points the table (and its partitions) at it;
the older files under ``output.path`` are deleted last. A failed run leaves the table as it was.
Append writes into the table's current folder, as Spark appends do.

Everything above ``main()`` is pure Python (no pyspark, boto3 or awsglue) so it is tested with
plain python3; main() imports the Glue runtime lazily.
"""

import json
import re
import sys
import time

RESULT_MARKER = "LAKEBOOK_RESULT"
PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"
HIVE_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"

CATALOG_NAME = re.compile(r"^[a-z][a-z0-9_]*\Z")
VIEW_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\Z")
S3_URI = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.+\Z")
S3_FOLDER = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/(?:[^/]+/)+\Z")
# The RAW zone's processing date in a file's path: .../YYYY/MM/DD/<file>.
DATE_FOLDER = r"(\d{4}/\d{2}/\d{2})/[^/]*$"
FORMATS = ("csv", "json", "parquet")
MODES = ("overwrite", "append")

# Spark's JSON type names -> Hive (Glue/Athena) type names; decimal/char/varchar keep their arguments.
SCALAR_TYPES = {
    "string": "string", "integer": "int", "long": "bigint", "short": "smallint", "byte": "tinyint",
    "float": "float", "double": "double", "boolean": "boolean", "binary": "binary",
    "date": "date", "timestamp": "timestamp", "timestamp_ntz": "timestamp",
}
# Characters Spark escapes as %XX in partition folder names (ExternalCatalogUtils.escapePathName).
PATH_ESCAPED = set('"#%\'*/:=?\\\x7f{[]^') | {chr(c) for c in range(1, 32)}


class SpecError(ValueError):
    """The spec (or the query's result) cannot be run; the message names the field."""


def validate_spec(spec):
    """Checks a TransformSpec with the same rules as the TypeScript schema; returns it unchanged."""
    if not isinstance(spec, dict):
        raise SpecError("spec: expected a JSON object")
    _require(isinstance(spec.get("cellId"), str) and spec["cellId"], "cellId", "a non-empty string")
    _require(isinstance(spec.get("sql"), str) and spec["sql"].strip(), "sql", "a non-empty SELECT")
    inputs = spec.get("inputs")
    # No inputs is fine: the SQL may read catalog tables (trusted.movies) straight from the Glue catalog.
    _require(isinstance(inputs, dict), "inputs", "a mapping of view name to input (may be empty)")
    for view, source in inputs.items():
        where = "inputs." + view
        _require(VIEW_NAME.match(view), where, "a view name of letters, digits and _")
        _require(isinstance(source, dict), where, "an object with path, format, options")
        _require(isinstance(source.get("path"), str) and S3_URI.match(source["path"]), where + ".path",
                 "an s3://bucket/key URI (a folder, a file or a glob)")
        _require(source.get("format") in FORMATS, where + ".format", "one of " + ", ".join(FORMATS))
        _require(_is_string_map(source.get("options")), where + ".options", "an object of string values")
        date_column = source.get("dateColumn")
        _require(date_column is None or CATALOG_NAME.match(str(date_column)), where + ".dateColumn", "lower snake case")
    output = spec.get("output")
    _require(isinstance(output, dict), "output", "an object")
    for field in ("database", "table"):
        _require(CATALOG_NAME.match(str(output.get(field, ""))), "output." + field, "lower snake case")
    path = output.get("path")
    _require(_is_s3_folder(path), "output.path", "an s3://bucket/folder/ URI ending in /, not the bucket root")
    partition_by = output.get("partitionBy")
    _require(isinstance(partition_by, list), "output.partitionBy", "a list of column names")
    for name in partition_by:
        _require(isinstance(name, str) and CATALOG_NAME.match(name), "output.partitionBy", "lower snake case names")
    _require(len(set(partition_by)) == len(partition_by), "output.partitionBy", "no repeated column")
    _require(output.get("mode") in MODES, "output.mode", "overwrite or append")
    _require(isinstance(output.get("description", ""), str), "output.description", "a string")
    _require(_is_string_map(output.get("tableParameters", {})), "output.tableParameters", "an object of string values")
    return spec


def _require(ok, field, expected):
    if not ok:
        raise SpecError("spec field %s: expected %s" % (field, expected))


def _is_s3_folder(value):
    return isinstance(value, str) and bool(S3_FOLDER.match(value))


def _is_string_map(value):
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def split_s3_uri(uri):
    """``s3://bucket/a/b/`` -> ``("bucket", "a/b/")``."""
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def output_names(names):
    """Lower-cases the result's column names (Glue and Athena fold them), refusing collisions."""
    lowered = [name.lower() for name in names]
    for name in lowered:
        if not re.match(r"^[a-z_][a-z0-9_]*\Z", name):
            raise SpecError("column %r: use letters, digits and _ (alias it with AS)" % name)
        if lowered.count(name) > 1:
            raise SpecError("column %r appears twice once names are lower case; alias one with AS" % name)
    return lowered


def hive_type(spark_type, column="?"):
    """A Spark schema JSON type (``df.schema.jsonValue()``) as a Hive type string for Glue."""
    if isinstance(spark_type, str):
        if spark_type in SCALAR_TYPES:
            return SCALAR_TYPES[spark_type]
        if re.match(r"^(decimal\(\d+,\s*\d+\)|char\(\d+\)|varchar\(\d+\))\Z", spark_type):
            return spark_type.replace(" ", "")
        if spark_type in ("null", "void"):
            raise SpecError("column %r is always NULL: give it a type, e.g. CAST(NULL AS STRING)" % column)
        raise SpecError("column %r has type %s, which Parquet tables in Glue cannot hold" % (column, spark_type))
    kind = spark_type.get("type")
    if kind == "array":
        return "array<%s>" % hive_type(spark_type["elementType"], column)
    if kind == "map":
        return "map<%s,%s>" % (hive_type(spark_type["keyType"], column), hive_type(spark_type["valueType"], column))
    if kind == "struct":
        fields = ["%s:%s" % (f["name"], hive_type(f["type"], column)) for f in spark_type["fields"]]
        return "struct<%s>" % ",".join(fields)
    raise SpecError("column %r has type %s, which Parquet tables in Glue cannot hold" % (column, kind))


def hive_columns(fields):
    """``df.schema.jsonValue()["fields"]`` -> ``[{"Name", "Type"}]`` in the result's order."""
    return [{"Name": f["name"], "Type": hive_type(f["type"], f["name"])} for f in fields]


def table_input(spec, columns, location, rows):
    """The Glue TableInput for the spec's output: Parquet SerDe, partition keys last, lakebook.* parameters."""
    output = spec["output"]
    by_name = {column["Name"]: column for column in columns}
    missing = [name for name in output["partitionBy"] if name not in by_name]
    if missing:
        raise SpecError("output.partitionBy names %s, which the query does not return" % ", ".join(missing))
    data = [column for column in columns if column["Name"] not in output["partitionBy"]]
    if not data:
        raise SpecError("output.partitionBy takes every column; keep at least one data column")
    parameters = {"EXTERNAL": "TRUE", "classification": "parquet"}
    parameters.update(output.get("tableParameters", {}))
    parameters["lakebook.rows"] = str(rows)
    result = {
        "Name": output["table"],
        "TableType": "EXTERNAL_TABLE",
        "Parameters": parameters,
        "PartitionKeys": [by_name[name] for name in output["partitionBy"]],
        "StorageDescriptor": {
            "Columns": data,
            "Location": location,
            "InputFormat": PARQUET_INPUT,
            "OutputFormat": PARQUET_OUTPUT,
            "SerdeInfo": {"SerializationLibrary": PARQUET_SERDE, "Parameters": {"serialization.format": "1"}},
        },
    }
    if output.get("description"):
        result["Description"] = output["description"]
    return result


def version_location(path, run_id):
    """The folder one overwrite writes to: beside older runs' folders, inside the output path."""
    return "%s%s/" % (path, run_id)


def escape_path_name(value):
    """A partition value as Spark names its folder (``a:b`` -> ``a%3Ab``)."""
    return "".join("%%%02X" % ord(c) if c in PATH_ESCAPED else c for c in value)


def partition_input(table, values, location):
    """PartitionInput for one partition: the table's storage, at ``<location>k=v/…/``."""
    keys = [key["Name"] for key in table["PartitionKeys"]]
    folder = "".join("%s=%s/" % (k, escape_path_name(HIVE_NULL_PARTITION if v is None else v)) for k, v in zip(keys, values))
    storage = dict(table["StorageDescriptor"], Location=location + folder)
    return {"Values": [HIVE_NULL_PARTITION if v is None else v for v in values], "StorageDescriptor": storage}


def partition_changes(existing, new):
    """(create, update, delete) lists of value tuples that make the catalog's partitions equal ``new``."""
    before, after = set(map(tuple, existing)), set(map(tuple, new))
    return sorted(after - before), sorted(after & before), sorted(before - after)


def append_problem(existing, new):
    """Why ``new`` cannot be appended to the ``existing`` Glue table, or None."""
    def shape(table):
        columns = [(c["Name"], c["Type"]) for c in table["StorageDescriptor"]["Columns"]]
        return columns, [(k["Name"], k["Type"]) for k in table.get("PartitionKeys", [])]

    if shape(existing) != shape(new):
        return "the query's columns or partition keys differ from the table's; use mode: overwrite"
    if existing["StorageDescriptor"].get("SerdeInfo", {}).get("SerializationLibrary") != PARQUET_SERDE:
        return "the table is not Parquet; use mode: overwrite"
    return None


def stale_keys(keys, path_key, keep_prefix):
    """Object keys under the output path that the new version replaces (everything but the new folder)."""
    return [key for key in keys if key.startswith(path_key) and not key.startswith(keep_prefix)]


def chunks(items, size):
    """``items`` in lists of at most ``size`` (Glue's batch calls take 25 or 100 entries)."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def result_line(rows, table, partitions):
    """The last line the app reads from the output log."""
    columns = [{"name": c["Name"], "type": c["Type"]} for c in table["StorageDescriptor"]["Columns"]]
    keys = [{"name": k["Name"], "type": k["Type"]} for k in table["PartitionKeys"]]
    result = {"rows": rows, "columns": columns, "partitionKeys": keys, "partitions": partitions,
              "location": table["StorageDescriptor"]["Location"]}
    return "%s %s" % (RESULT_MARKER, json.dumps(result, separators=(",", ":")))


def main():
    """Runs on Glue: read the spec, run the SQL, write Parquet, register the table, print the result."""
    import boto3
    from awsglue.utils import getResolvedOptions
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    # JOB_RUN_ID is one of Glue's reserved arguments: always passed, never requested by name.
    args = getResolvedOptions(sys.argv, ["JOB_NAME", "spec"])
    run_id = args.get("JOB_RUN_ID") or "run_%d" % time.time()
    s3, glue = boto3.client("s3"), boto3.client("glue")
    bucket, key = split_s3_uri(args["spec"])
    spec = validate_spec(json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read()))
    output = spec["output"]

    # Hive support + --enable-glue-datacatalog: the SQL can name catalog tables such as trusted.movies.
    spark = SparkSession.builder.enableHiveSupport().getOrCreate()
    for view, source in spec["inputs"].items():
        frame = spark.read.format(source["format"]).options(**source["options"]).load(source["path"])
        if source.get("dateColumn"):
            day = F.regexp_extract(F.input_file_name(), DATE_FOLDER, 1)
            frame = frame.withColumn(source["dateColumn"], F.to_date(day, "yyyy/MM/dd"))
        frame.createOrReplaceTempView(view)
    frame = spark.sql(spec["sql"])
    frame = frame.toDF(*output_names(frame.columns))
    columns = hive_columns(frame.schema.jsonValue()["fields"])

    existing = _get_table(glue, output["database"], output["table"])
    appending = output["mode"] == "append" and existing is not None
    location = existing["StorageDescriptor"]["Location"] if appending else version_location(output["path"], run_id)
    # Built once before writing, so bad partition columns or an append mismatch fail with nothing written.
    planned = table_input(spec, columns, location, 0)
    if appending:
        problem = append_problem(existing, planned)
        if problem:
            raise SpecError("cannot append to %s.%s: %s" % (output["database"], output["table"], problem))

    frame.write.mode("append" if appending else "overwrite").partitionBy(*output["partitionBy"]).parquet(location)
    # Counted from the files just written (Parquet footers), not by running the SQL a second time.
    written = spark.read.schema(frame.schema).parquet(location)
    rows = written.count()
    values = [
        [row[i] for i in range(len(output["partitionBy"]))]
        for row in written.selectExpr(*["CAST(`%s` AS STRING)" % k for k in output["partitionBy"]]).distinct().collect()
    ] if output["partitionBy"] else []

    table = table_input(spec, columns, location, rows)
    _ensure_database(glue, output["database"])
    existing = _put_table(glue, output["database"], existing, table)
    _register_partitions(glue, output["database"], table, existing, values, replace=not appending)
    if not appending:
        _delete_stale(s3, output["path"], location)
    print(result_line(rows, table, len(values)), flush=True)


def _get_table(glue, database, name):
    try:
        return glue.get_table(DatabaseName=database, Name=name)["Table"]
    except glue.exceptions.EntityNotFoundException:
        return None


def _ensure_database(glue, database):
    try:
        glue.create_database(DatabaseInput={"Name": database})
    except glue.exceptions.AlreadyExistsException:
        pass


def _put_table(glue, database, existing, table):
    """Creates or updates the table; returns the definition whose partitions still stand (or None)."""
    if existing is None:
        glue.create_table(DatabaseName=database, TableInput=table)
        return None
    if [k["Name"] for k in existing.get("PartitionKeys", [])] != [k["Name"] for k in table["PartitionKeys"]]:
        # Glue keeps old partitions across a change of keys, so the table is replaced instead.
        glue.delete_table(DatabaseName=database, Name=table["Name"])
        glue.create_table(DatabaseName=database, TableInput=table)
        return None
    # SkipArchive: Glue would otherwise keep each run's definition as a new table version.
    glue.update_table(DatabaseName=database, TableInput=table, SkipArchive=True)
    return existing


def _register_partitions(glue, database, table, existing, values, replace):
    """Glue's partition API, not MSCK REPAIR: see spark-scripts/README.md for why."""
    if not table["PartitionKeys"]:
        return
    before = []
    if existing is not None:
        pages = glue.get_paginator("get_partitions").paginate(DatabaseName=database, TableName=table["Name"])
        before = [p["Values"] for page in pages for p in page["Partitions"]]
    create, update, delete = partition_changes(before, [[_value(v) for v in vs] for vs in values])
    location = table["StorageDescriptor"]["Location"]
    name = table["Name"]
    for batch in chunks(create, 100):
        inputs = [partition_input(table, list(vs), location) for vs in batch]
        _check(glue.batch_create_partition(DatabaseName=database, TableName=name, PartitionInputList=inputs))
    if not replace:
        return
    for batch in chunks(update, 100):
        entries = [{"PartitionValueList": list(vs), "PartitionInput": partition_input(table, list(vs), location)}
                   for vs in batch]
        _check(glue.batch_update_partition(DatabaseName=database, TableName=name, Entries=entries))
    for batch in chunks(delete, 25):
        targets = [{"Values": list(vs)} for vs in batch]
        _check(glue.batch_delete_partition(DatabaseName=database, TableName=name, PartitionsToDelete=targets))


def _value(value):
    return HIVE_NULL_PARTITION if value is None else value


def _check(response):
    errors = response.get("Errors") or []
    if errors:
        raise RuntimeError("Glue refused partitions: %s" % json.dumps(errors[:3], default=str))


def _delete_stale(s3, path, keep):
    """Removes the files the new version replaced: everything under the output path but its folder."""
    bucket, path_key = split_s3_uri(path)
    keep_key = split_s3_uri(keep)[1]
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=path_key)
    keys = stale_keys([o["Key"] for page in pages for o in page.get("Contents", [])], path_key, keep_key)
    for batch in chunks(keys, 1000):
        s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True})


if __name__ == "__main__":
    main()
