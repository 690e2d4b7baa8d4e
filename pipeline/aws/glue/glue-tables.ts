import {
  BatchCreatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  type GlueClient,
  paginateGetTables,
  type Table,
  UpdateTableCommand,
} from "@aws-sdk/client-glue";
import type { CatalogTable } from "../../contract/catalog";
import { LakebookError } from "../../contract/errors";
import { sdkErrorName } from "../sdk-errors";
import { getGlueTable } from "./get-table";
import { glueError } from "./glue-errors";
import { fromGlueTable, type LakeLocation, toTableInput } from "./table-input";

export interface GlueTablesOptions extends LakeLocation {
  client: GlueClient;
  /** GetTables page size; small pages let tests exercise paging. */
  pageSize?: number;
}

/**
 * The Glue Data Catalog's tables as CatalogTables: the adapter behind `catalog/GlueCatalog` (it
 * implements `GlueTablesPort` there; aws/ does not import catalog/, TypeScript checks the shape
 * where the service wires them). Tables are Glue tables with the format's SerDe (Parquet:
 * ParquetHiveSerDe) and partition keys, so Athena reads them without a crawler; Lakebook's own
 * fields travel in `lakebook.*` table parameters (table-input.ts).
 */
export class GlueTables {
  private readonly client: GlueClient;
  private readonly lake: LakeLocation;
  private readonly pageSize: number | undefined;

  constructor(options: GlueTablesOptions) {
    this.client = options.client;
    this.lake = { bucket: options.bucket, prefix: options.prefix ?? "" };
    this.pageSize = options.pageSize;
  }

  async list(
    database: string,
  ): Promise<({ name: string; table: CatalogTable } | { name: string; error: unknown })[]> {
    return (await this.tablesOf(database)).map((table) => {
      const name = table.Name ?? "";
      try {
        return { name, table: fromGlueTable(table, this.lake) };
      } catch (error) {
        return { name, error };
      }
    });
  }

  async get(database: string, name: string): Promise<CatalogTable | undefined> {
    const table = await this.glueTable(database, name);
    return table ? fromGlueTable(table, this.lake) : undefined;
  }

  async put(table: CatalogTable): Promise<void> {
    const { database, name } = table;
    const input = toTableInput(table, this.lake);
    const exists = (await this.glueTable(database, name)) !== undefined;
    const what = { action: `register ${database}.${name} in the Glue Data Catalog` };
    try {
      if (exists) {
        // Without SkipArchive Glue archives every earlier definition as a table version (counted
        // against the account's table-version quota); re-registering on every ingest and run would
        // pile them up. https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateTable.html
        await this.client.send(
          new UpdateTableCommand({ DatabaseName: database, TableInput: input, SkipArchive: true }),
        );
        return;
      }
      await this.createTable(database, input);
    } catch (error) {
      throw glueError(error, { ...what, iamAction: exists ? "glue:UpdateTable" : "glue:CreateTable" });
    }
  }

  async remove(database: string, name: string): Promise<void> {
    try {
      await this.client.send(new DeleteTableCommand({ DatabaseName: database, Name: name }));
    } catch (error) {
      if (sdkErrorName(error) === "EntityNotFoundException") return;
      throw glueError(error, { action: `delete ${database}.${name}`, iamAction: "glue:DeleteTable" });
    }
  }

  /**
   * Registers partitions a stage wrote (`[["2026-01-05"]]` for `dt=2026-01-05/`) under the table's
   * location, each with the table's storage; ones Glue already has are left as they are.
   */
  async addPartitions(database: string, name: string, values: string[][]): Promise<void> {
    const table = await this.glueTable(database, name);
    if (!table?.StorageDescriptor || !table.PartitionKeys?.length) {
      throw new LakebookError(
        "CATALOG_NOT_PARTITIONED",
        `${database}.${name} is not a partitioned Glue table.`,
        {
          hint: "Register the table with its partition keys first (catalog put).",
        },
      );
    }
    const keys = table.PartitionKeys.map((key) => key.Name ?? "");
    const storage = table.StorageDescriptor;
    for (let start = 0; start < values.length; start += 100) {
      const inputs = values.slice(start, start + 100).map((vs) => ({
        Values: vs,
        StorageDescriptor: {
          ...storage,
          Location: `${storage.Location}${keys.map((key, i) => `${key}=${vs[i]}/`).join("")}`,
        },
      }));
      try {
        const response = await this.client.send(
          new BatchCreatePartitionCommand({
            DatabaseName: database,
            TableName: name,
            PartitionInputList: inputs,
          }),
        );
        const refused = (response.Errors ?? []).filter(
          (e) => e.ErrorDetail?.ErrorCode !== "AlreadyExistsException",
        );
        if (refused.length > 0)
          throw Object.assign(new Error(refused[0]?.ErrorDetail?.ErrorMessage), refused[0]);
      } catch (error) {
        throw glueError(error, {
          action: `add partitions to ${database}.${name}`,
          iamAction: "glue:BatchCreatePartition",
        });
      }
    }
  }

  /** CreateTable, creating the database first when Glue says it is missing. */
  private async createTable(database: string, input: ReturnType<typeof toTableInput>): Promise<void> {
    try {
      await this.client.send(new CreateTableCommand({ DatabaseName: database, TableInput: input }));
    } catch (error) {
      if (sdkErrorName(error) !== "EntityNotFoundException") throw error;
      await this.client.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } })).catch((e) => {
        if (sdkErrorName(e) !== "AlreadyExistsException") throw e;
      });
      await this.client.send(new CreateTableCommand({ DatabaseName: database, TableInput: input }));
    }
  }

  private async glueTable(database: string, name: string): Promise<Table | undefined> {
    try {
      return (await getGlueTable(this.client, database, name))?.table;
    } catch (error) {
      throw glueError(error, { action: `read ${database}.${name}`, iamAction: "glue:GetTable" });
    }
  }

  /** A database that does not exist yet simply has no tables. */
  private async tablesOf(database: string): Promise<Table[]> {
    const tables: Table[] = [];
    try {
      const pages = paginateGetTables(
        { client: this.client, ...(this.pageSize ? { pageSize: this.pageSize } : {}) },
        { DatabaseName: database },
      );
      for await (const page of pages) tables.push(...(page.TableList ?? []));
    } catch (error) {
      if (sdkErrorName(error) === "EntityNotFoundException") return [];
      throw glueError(error, { action: `list the tables of ${database}`, iamAction: "glue:GetTables" });
    }
    return tables;
  }
}
