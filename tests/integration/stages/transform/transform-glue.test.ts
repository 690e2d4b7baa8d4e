import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateJobCommand,
  EntityNotFoundException,
  GetJobCommand,
  GetJobRunCommand,
  GetTableCommand,
  GlueClient,
  StartJobRunCommand,
} from "@aws-sdk/client-glue";
import { HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { awsClients } from "../../../../pipeline/aws/clients";
import { GlueTables, toTableInput } from "../../../../pipeline/aws/glue";
import { GlueCatalog } from "../../../../pipeline/catalog";
import type { AwsTarget } from "../../../../pipeline/document";
import { parseTransformSettings, transformStage } from "../../../../pipeline/stages/transform";
import { runTransformOnGlue } from "../../../../pipeline/stages/transform/run-glue";
import { type IngestBench, ingestBench } from "../ingest/helpers";

const target: AwsTarget = {
  kind: "aws",
  bucket: "horror-lake",
  region: "eu-west-1",
  prefix: "lake",
  glueRole: "LakebookGlue",
};
const glue = mockClient(GlueClient);
const s3 = mockClient(S3Client);
const logs = mockClient(CloudWatchLogsClient);

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  for (const mock of [glue, s3, logs]) mock.reset();
  s3.on(HeadObjectCommand).rejects(new NotFound({ message: "NotFound", $metadata: {} }));
  s3.on(PutObjectCommand).resolves({});
  glue.on(GetJobCommand).rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
  glue.on(CreateJobCommand).resolves({});
  glue.on(StartJobRunCommand).resolves({ JobRunId: "jr_7" });
  glue
    .on(GetJobRunCommand)
    .resolvesOnce({ JobRun: { JobRunState: "WAITING" } })
    .resolves({
      JobRun: { JobRunState: "SUCCEEDED", WorkerType: "G.1X", NumberOfWorkers: 2, ExecutionTime: 120 },
    });
});
afterEach(async () => {
  await bench.close();
});

const CELL = `-- output: trusted.movies
-- inputs:
--   raw_movies: raw.movies
SELECT id AS imdb_id, CAST(anoLancamento AS INT) AS ano FROM raw_movies`;

describe("a transform cell on AWS Glue", () => {
  it("sends the Spark SQL untranslated, the inputs as S3 paths with their options, and the lineage as table parameters", async () => {
    const clients = awsClients({ region: "eu-west-1" });
    const catalog = new GlueCatalog({
      tables: new GlueTables({ client: clients.glue(), bucket: "horror-lake", prefix: "lake/" }),
    });
    glue.on(GetTableCommand, { DatabaseName: "raw", Name: "movies" }).resolves({
      Table: {
        ...toTableInput(
          {
            database: "raw",
            name: "movies",
            zone: "raw",
            location: "Raw/Local/CSV/Movies/2026/11/25/",
            format: "csv",
            columns: [{ name: "id", type: "VARCHAR" }],
            rows: null,
            producedBy: null,
          },
          { bucket: "horror-lake", prefix: "lake/" },
        ),
        Name: "movies",
        DatabaseName: "raw",
      },
    });
    glue
      .on(GetTableCommand, { DatabaseName: "trusted", Name: "movies" })
      .rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
    const result = `LAKEBOOK_RESULT ${JSON.stringify({ rows: 42, columns: [], partitionKeys: [], partitions: 0, location: "s3://horror-lake/lake/Trusted/Local/Parquet/movies/jr_7/" })}`;
    logs
      .on(FilterLogEventsCommand)
      .resolves({ events: [{ eventId: "1", timestamp: 1, message: result, logStreamName: "jr_7-driver" }] });

    const settings = parseTransformSettings({ id: "trusted_movies", source: CELL });
    const context = bench.context({ target, catalog, aws: clients });
    const outcome = await runTransformOnGlue("trusted_movies", settings, context, target, {
      sleep: async () => undefined,
    });

    const specPut = s3
      .commandCalls(PutObjectCommand)
      .find((call) => String(call.args[0].input.Key).includes("/specs/"));
    const spec = JSON.parse(String(specPut?.args[0].input.Body));
    expect(spec).toEqual({
      cellId: "trusted_movies",
      sql: settings.sql,
      inputs: {
        raw_movies: {
          path: "s3://horror-lake/lake/Raw/Local/CSV/Movies/2026/11/25/",
          format: "csv",
          options: { sep: "|", header: "true", nullValue: "\\N", quote: '"', escape: '"' },
        },
      },
      output: {
        database: "trusted",
        table: "movies",
        path: "s3://horror-lake/lake/Trusted/Local/Parquet/movies/",
        partitionBy: [],
        mode: "overwrite",
        tableParameters: {
          "lakebook.zone": "trusted",
          "lakebook.producedBy": JSON.stringify({
            notebook: "ingest.lakebook.md",
            cell: "trusted_movies",
            inputs: ["raw.movies"],
          }),
        },
      },
    });
    expect(glue.commandCalls(CreateJobCommand)[0]?.args[0].input).toMatchObject({
      Name: "lakebook-transform",
      Role: "LakebookGlue",
      GlueVersion: "5.0",
      WorkerType: "G.1X",
      NumberOfWorkers: 2,
      Timeout: 60,
    });
    expect(outcome.glue).toMatchObject({ runId: "jr_7", state: "SUCCEEDED", dpuSeconds: 240 });
    expect(outcome.table).toMatchObject({
      rows: 42,
      location: "s3://horror-lake/lake/Trusted/Local/Parquet/movies/jr_7/",
    });
    expect(bench.progress.map((p) => p.message)).toEqual(["Glue job WAITING", "Glue job SUCCEEDED"]);
  });

  it("needs a Glue role, and refuses a user's own script on the local lake", async () => {
    const cell = { id: "t", kind: "transform", attrs: [], source: CELL };
    const { glueRole: _, ...noRole } = target;
    await expect(transformStage.run(cell, bench.context({ target: noRole }))).rejects.toMatchObject({
      code: "GLUE_ROLE_MISSING",
    });
    const own = { ...cell, source: `-- glueScript: jobs/my_job.py\n${CELL}` };
    await expect(transformStage.run(own, bench.context())).rejects.toMatchObject({
      code: "TRANSFORM_SCRIPT_AWS_ONLY",
    });
    expect(glue.calls()).toHaveLength(0);
  });
});
