import { describe, expect, it } from "vitest";
import { type AwsTarget, parseNotebook } from "../../../pipeline/document";
import { cellPlans } from "../../../pipeline/service/aws-doctor";

const target: AwsTarget = { kind: "aws", bucket: "my-lake", region: "eu-west-1", glueRole: "lakebook-glue" };

const notebook = parseNotebook(
  [
    "---",
    "lakebook: 1",
    "title: Plans",
    "target:",
    "  kind: aws",
    "  bucket: my-lake",
    "  region: eu-west-1",
    "---",
    "",
    "```ingest {#ingest_movies}",
    "dataset: movies",
    "file: data/movies.csv",
    "```",
    "",
    "```tmdb {#tmdb_lambda}",
    "lambda: { roleArn: arn:aws:iam::123456789012:role/lakebook-tmdb }",
    "```",
    "",
    "```sql {#local_sql engine=local}",
    "SELECT 1",
    "```",
    "",
    "```sql {#athena_sql}",
    "SELECT count(*) FROM raw.movies",
    "```",
    "",
  ].join("\n"),
  "plans.lakebook.md",
).notebook;

describe("cellPlans", () => {
  it("gives each AWS cell its stage and names, and none to cells that stay local", () => {
    const plans = cellPlans(notebook, target, "/work/plans.lakebook.md");
    expect(plans.map((p) => [p.cell, p.plan.stage])).toEqual([
      ["ingest_movies", "ingest"],
      ["tmdb_lambda", "tmdb-lambda"],
      ["athena_sql", "athena"],
    ]);
    expect(plans[0]?.plan).toEqual({ stage: "ingest", datasets: ["movies"] });
    expect(plans[1]?.plan).toMatchObject({
      functionName: "lakebook-tmdb-enrich",
      roleArn: "arn:aws:iam::123456789012:role/lakebook-tmdb",
      secretName: "lakebook/tmdb",
      reads: ["raw.movies", "raw.series"],
    });
    expect(plans[2]?.plan).toEqual({ stage: "athena", reads: ["raw.movies"], writes: [] });
  });
});
