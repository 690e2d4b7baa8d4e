import {
  AthenaClient,
  type ColumnInfo,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { GetTableCommand, GlueClient } from "@aws-sdk/client-glue";
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeAccountSubscriptionCommand,
  DescribeAnalysisCommand,
  DescribeDashboardCommand,
  DescribeDataSetCommand,
  DescribeDataSourceCommand,
  DescribeIngestionCommand,
  DescribeUserCommand,
  QuickSightClient,
  ResourceNotFoundException,
  type ResourceStatus,
} from "@aws-sdk/client-quicksight";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { awsClients } from "../../../../pipeline/aws/clients";
import type { Catalog } from "../../../../pipeline/catalog";
import type { CatalogTable } from "../../../../pipeline/contract";
import type { Cell, Notebook, Target } from "../../../../pipeline/document";
import type { Engine } from "../../../../pipeline/engine";
import type { PublishClients } from "../../../../pipeline/stages/publish";
import type { StageContext } from "../../../../pipeline/stages/stage";

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";
export const USER_ARN = `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/student`;
export const DS_ARN = `arn:aws:quicksight:${REGION}:${ACCOUNT}:datasource/lakebook-horror-subgenres-athena`;
export const AWS_TARGET: Target = {
  kind: "aws",
  bucket: "horror-lake",
  region: REGION,
  workgroup: "primary",
  quicksightUser: "student",
};

export const mocks = {
  quicksight: mockClient(QuickSightClient),
  sts: mockClient(STSClient),
  athena: mockClient(AthenaClient),
  glue: mockClient(GlueClient),
};

export function clients(): PublishClients {
  const quicksight = new QuickSightClient({ region: REGION });
  return {
    sts: new STSClient({ region: REGION }),
    quicksight,
    quicksightIdentity: quicksight,
    athena: new AthenaClient({ region: REGION }),
    glue: new GlueClient({ region: REGION }),
  };
}

export const DASHBOARD = "lakebook-horror-subgenres-horror-subgenres";
export const ANALYSIS = `${DASHBOARD}-analysis`;
export const arnOf = (kind: string, id: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:${kind}/${id}`;

export const notFound = (message: string) => new ResourceNotFoundException({ message, $metadata: {} });

/** Every AWS call of any mocked client, to assert that nothing was sent. */
export const allCalls = (): unknown[] => Object.values(mocks).flatMap((m): unknown[] => m.calls());

/** A preflight that passes: credentials, a Standard account, an author, a workgroup with results, the tables. */
export function passingPreflight(): void {
  mocks.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  mocks.quicksight
    .on(DescribeAccountSubscriptionCommand)
    .resolves({ AccountInfo: { Edition: "STANDARD", AccountSubscriptionStatus: "ACCOUNT_CREATED" } });
  mocks.quicksight
    .on(DescribeUserCommand)
    .resolves({ User: { Arn: USER_ARN, UserName: "student", Role: "AUTHOR" } });
  mocks.athena.on(GetWorkGroupCommand).resolves({
    WorkGroup: {
      Name: "primary",
      State: "ENABLED",
      Configuration: { ResultConfiguration: { OutputLocation: "s3://horror-lake/athena/" } },
    },
  });
  mocks.glue.on(GetTableCommand).resolves({ Table: { Name: "any" } });
  athenaColumns(TOP_SUBGENRES_COLUMNS);
}

/** Athena's result columns of the top_subgenres SQL, as GetQueryResults describes them. */
export const TOP_SUBGENRES_COLUMNS: ColumnInfo[] = [
  { Name: "subgenre", Type: "varchar" },
  { Name: "titles", Type: "bigint" },
  { Name: "avg_rating", Type: "double" },
];

/** Athena answers every SQL source's LIMIT 0 query with these columns (and no rows). */
export function athenaColumns(columns: ColumnInfo[]): void {
  mocks.athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-columns" });
  mocks.athena.on(GetQueryExecutionCommand).resolves({
    QueryExecution: {
      QueryExecutionId: "q-columns",
      Status: { State: "SUCCEEDED" },
      StatementType: "DML",
      Statistics: { DataScannedInBytes: 0, EngineExecutionTimeInMillis: 10 },
    },
  });
  mocks.athena.on(GetQueryResultsCommand).resolves({
    ResultSet: {
      ResultSetMetadata: { ColumnInfo: columns },
      Rows: [{ Data: columns.map((c) => ({ VarCharValue: c.Name })) }],
    },
  });
}

export function resetMocks(): void {
  for (const mock of Object.values(mocks)) mock.reset();
}

const cell = (id: string, kind: string, source: string, attrs: Record<string, string> = {}): Cell => ({
  id,
  kind,
  source,
  attrs: Object.entries(attrs).map(([key, value]) => ({ key, value })),
});

export const TOP_SUBGENRES_SQL = `SELECT s.subgenre, count(*) AS titles, round(avg(f.imdb_rating), 2) AS avg_rating
FROM refined.fact_title_rating f
JOIN refined.bridge_title_subgenre b ON b.title_key = f.title_key
JOIN refined.dim_subgenre s ON s.subgenre_key = b.subgenre_key
GROUP BY s.subgenre`;

export const BAR_SPEC = {
  mark: "bar",
  encoding: {
    x: { field: "avg_rating", type: "quantitative", title: "Average rating" },
    y: { field: "subgenre", type: "nominal", sort: "-x" },
  },
};
export const PIE_SPEC = {
  mark: "arc",
  encoding: {
    theta: { aggregate: "count", type: "quantitative" },
    color: { field: "kind", type: "nominal" },
  },
};
export const KPI_SPEC = {
  mark: "text",
  title: "Titles",
  encoding: { text: { field: "titles", type: "quantitative", aggregate: "sum" } },
};

/** The demo's stage 4 with two more chart types, and a publish cell whose body the test sets. */
export function notebook(publish: string, extraCells: Cell[] = []): Notebook {
  return {
    meta: { lakebook: 1, title: "Which horror subgenres do audiences prefer?" },
    cells: [
      cell("top_subgenres", "sql", TOP_SUBGENRES_SQL),
      cell("rating_by_subgenre", "chart", JSON.stringify(BAR_SPEC), { source: "top_subgenres" }),
      cell("titles_by_kind", "chart", JSON.stringify(PIE_SPEC), { table: "refined.dim_title" }),
      cell("title_count", "chart", JSON.stringify(KPI_SPEC), { source: "top_subgenres" }),
      ...extraCells,
      cell("quicksight", "publish", publish),
    ],
  };
}
export { cell };

const DIM_TITLE: CatalogTable = {
  database: "refined",
  name: "dim_title",
  zone: "refined",
  location: "Refined/dim_title/",
  format: "parquet",
  columns: [
    { name: "title_key", type: "BIGINT" },
    { name: "title", type: "VARCHAR" },
    { name: "kind", type: "VARCHAR" },
    { name: "release_date", type: "DATE" },
  ],
  rows: 10,
  producedBy: null,
};

/** A stage context over fakes: the SQL's columns come from a stub engine, dim_title from a stub catalog. */
export function context(nb: Notebook, target: Target = AWS_TARGET): StageContext {
  const engine = {
    query: async () => ({
      resultId: "r1",
      rowCount: 0,
      rows: [],
      ms: 1,
      columns: [
        { name: "subgenre", type: "VARCHAR" },
        { name: "titles", type: "BIGINT" },
        { name: "avg_rating", type: "DOUBLE" },
      ],
    }),
    release: async () => undefined,
  } as unknown as Engine;
  const catalog = {
    get: async (database: string, name: string) =>
      database === "refined" && name === "dim_title" ? DIM_TITLE : undefined,
  } as unknown as Catalog;
  return {
    notebook: nb,
    notebookPath: "/work/notebooks/horror-subgenres.lakebook.md",
    baseDir: "/work/notebooks",
    stateDir: "/work/notebooks/.lakebook",
    target,
    lakeRoot: "/work/notebooks/.lake",
    store: {} as never,
    engine,
    catalog,
    aws: awsClients({ region: REGION }),
    signal: new AbortController().signal,
    progress: () => undefined,
    log: () => undefined,
  };
}

/** QuickSight answers for a first publish: nothing exists yet, everything builds (the dashboard ends `dashboardStatus`). */
export function firstPublishMocks(
  dashboardStatus: ResourceStatus = "CREATION_SUCCESSFUL",
  errors: object[] = [],
) {
  mocks.quicksight
    .on(DescribeDataSourceCommand)
    .rejectsOnce(notFound("data source not found"))
    .resolves({ DataSource: { Arn: DS_ARN, Status: "CREATION_SUCCESSFUL" } });
  mocks.quicksight
    .on(CreateDataSourceCommand)
    .resolves({ Arn: DS_ARN, CreationStatus: "CREATION_IN_PROGRESS" });
  mocks.quicksight.on(DescribeDataSetCommand).rejects(notFound("no dataset"));
  mocks.quicksight
    .on(CreateDataSetCommand)
    .callsFake((i: { DataSetId: string }) => ({ Arn: arnOf("dataset", i.DataSetId) }));
  mocks.quicksight
    .on(DescribeAnalysisCommand)
    .rejectsOnce(notFound("no analysis"))
    .resolvesOnce({ Analysis: { Arn: arnOf("analysis", ANALYSIS), Status: "CREATION_IN_PROGRESS" } })
    .resolves({ Analysis: { Arn: arnOf("analysis", ANALYSIS), Status: "CREATION_SUCCESSFUL" } });
  mocks.quicksight.on(CreateAnalysisCommand).resolves({
    Arn: arnOf("analysis", ANALYSIS),
    CreationStatus: "CREATION_IN_PROGRESS",
  });
  mocks.quicksight
    .on(DescribeDashboardCommand)
    .rejectsOnce(notFound("no dashboard"))
    .resolvesOnce({ Dashboard: { Version: { VersionNumber: 1, Status: "CREATION_IN_PROGRESS" } } })
    .resolves({ Dashboard: { Version: { VersionNumber: 1, Status: dashboardStatus, Errors: errors } } });
  mocks.quicksight.on(DescribeIngestionCommand).resolves({
    Ingestion: {
      Arn: "arn:ingestion",
      CreatedTime: new Date(0),
      IngestionStatus: "COMPLETED",
      RowInfo: { RowsIngested: 12, RowsDropped: 0 },
    },
  });
  mocks.quicksight.on(CreateDashboardCommand).resolves({
    Arn: arnOf("dashboard", DASHBOARD),
    VersionArn: `${arnOf("dashboard", DASHBOARD)}/version/1`,
    CreationStatus: "CREATION_IN_PROGRESS",
  });
}
