import {
  CreateDataSetCommand,
  type DataSetImportMode,
  DescribeDataSetCommand,
  type InputColumn,
  type PhysicalTable,
  UpdateDataSetCommand,
  UpdateDataSetPermissionsCommand,
} from "@aws-sdk/client-quicksight";
import { ownerPermissions } from "./permissions";
import { isNotFound, quicksightCall } from "./quicksight-errors";
import type { EnsureAction, QuickSightScope } from "./scope";

/** Athena's catalog name for the Glue Data Catalog, where the REFINED tables are registered. */
export const ATHENA_CATALOG = "AwsDataCatalog";
/** The PhysicalTableMap key: one table per dataset, the same key on every update. */
export const PHYSICAL_TABLE_KEY = "lakebook";

/** A REFINED table read whole (QuickSight writes the SELECT). */
export function relationalTable(
  dataSourceArn: string,
  database: string,
  table: string,
  columns: InputColumn[],
): PhysicalTable {
  return {
    RelationalTable: {
      DataSourceArn: dataSourceArn,
      Catalog: ATHENA_CATALOG,
      Schema: database,
      Name: table,
      InputColumns: columns,
    },
  };
}

/** The chart's SQL cell as the dataset's query; QuickSight needs its result columns declared. */
export function customSql(
  dataSourceArn: string,
  name: string,
  sql: string,
  columns: InputColumn[],
): PhysicalTable {
  return { CustomSql: { DataSourceArn: dataSourceArn, Name: name, SqlQuery: sql, Columns: columns } };
}

export interface DataSetSpec {
  dataSetId: string;
  name: string;
  table: PhysicalTable;
  importMode: DataSetImportMode;
  principalArn: string;
}

export interface EnsuredDataSet {
  arn: string;
  action: Exclude<EnsureAction, "reused">;
  /** SPICE only: the ingestion QuickSight started to load the rows. */
  ingestionId?: string;
}

/** Creates the dataset, or replaces its table and import mode with the notebook's current ones. */
export async function ensureDataSet(scope: QuickSightScope, spec: DataSetSpec): Promise<EnsuredDataSet> {
  const { client, accountId } = scope;
  const ids = { AwsAccountId: accountId, DataSetId: spec.dataSetId };
  const body = {
    Name: spec.name,
    PhysicalTableMap: { [PHYSICAL_TABLE_KEY]: spec.table },
    ImportMode: spec.importMode,
  };
  const exists = await quicksightCall(
    { action: `read the dataset ${spec.dataSetId}`, iamAction: "quicksight:DescribeDataSet" },
    () =>
      client.send(new DescribeDataSetCommand(ids)).then(
        () => true,
        (error: unknown) => {
          if (isNotFound(error)) return false;
          throw error;
        },
      ),
  );
  if (!exists) {
    const made = await quicksightCall(
      {
        action: `create the dataset ${spec.dataSetId}`,
        iamAction: "quicksight:CreateDataSet and quicksight:PassDataSource",
      },
      () =>
        client.send(
          new CreateDataSetCommand({
            ...ids,
            ...body,
            Permissions: ownerPermissions("dataSet", spec.principalArn),
          }),
        ),
    );
    return answer(made, "created", spec);
  }
  const updated = await quicksightCall(
    {
      action: `update the dataset ${spec.dataSetId}`,
      iamAction: "quicksight:UpdateDataSet and quicksight:PassDataSource",
    },
    () => client.send(new UpdateDataSetCommand({ ...ids, ...body })),
  );
  await quicksightCall(
    { action: `share the dataset ${spec.dataSetId}`, iamAction: "quicksight:UpdateDataSetPermissions" },
    () =>
      client.send(
        new UpdateDataSetPermissionsCommand({
          ...ids,
          GrantPermissions: ownerPermissions("dataSet", spec.principalArn),
        }),
      ),
  );
  return answer(updated, "updated", spec);
}

function answer(
  response: { Arn?: string | undefined; IngestionId?: string | undefined },
  action: EnsuredDataSet["action"],
  spec: DataSetSpec,
): EnsuredDataSet {
  // QuickSight always answers with the ARN; the fallback keeps a dashboard buildable if it ever does not.
  const arn = response.Arn ?? `dataset/${spec.dataSetId}`;
  return { arn, action, ...(response.IngestionId ? { ingestionId: response.IngestionId } : {}) };
}
