/** What a notebook's stage asks of AWS, as the doctor and the policy generator plan it. */

/** The stages that talk to AWS, named as the doctor shows them. */
export type AwsStageName =
  | "ingest"
  | "tmdb"
  | "tmdb-lambda"
  | "transform-glue"
  | "athena"
  | "publish"
  | "workbench";

export const STAGE_LABELS: Record<AwsStageName, string> = {
  ingest: "ingest (S3 upload, Glue Data Catalog)",
  tmdb: "TMDB enrichment fetched here (select on Athena)",
  "tmdb-lambda": "TMDB enrichment on AWS Lambda",
  "transform-glue": "transform on AWS Glue",
  athena: "SQL and check cells on Athena",
  publish: "publish to QuickSight",
  workbench: "the workbench itself: the catalog panel, course checks and stage resets",
};

export type StagePlan =
  | { stage: "ingest"; datasets: readonly string[] }
  | { stage: "workbench" }
  | { stage: "tmdb"; reads: readonly string[] }
  | {
      stage: "tmdb-lambda";
      reads: readonly string[];
      functionName: string;
      roleArn: string;
      secretName: string;
    }
  | {
      stage: "transform-glue";
      reads: readonly string[];
      writes: readonly string[];
      jobName: string;
      glueRole: string;
    }
  | { stage: "athena"; reads: readonly string[]; writes: readonly string[] }
  | {
      stage: "publish";
      reads: readonly string[];
      identityRegion: string;
      owner: { kind: "user" | "group"; name: string; arn?: string };
      ids: { dataSourceId: string; dataSetIds: readonly string[]; analysisId: string; dashboardId: string };
    };
