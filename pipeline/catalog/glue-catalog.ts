import {
  BatchCreatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  GetTableCommand,
  type GlueClient,
  paginateGetTables,
  type Table,
  UpdateTableCommand,
} from "@aws-sdk/client-glue";
import { fromGlueTable, glueError, type LakeLocation, toTableInput } from "../aws/glue";
import { type CatalogTable, CatalogTableSchema, type Zone } from "../contract/catalog";
import { LakebookError } from "../contract/errors";
import { byDatabaseThenName, type Catalog, type CatalogProblem, qualifiedName } from "./catalog";
import { assertCatalogNames, tableFolder } from "./names";

export interface GlueCatalogOptions extends LakeLocation {
  client: GlueClient;
  /** The databases Lakebook lists; the zones by default. Tables elsewhere are not Lakebook's. */
  databases?: readonly string[];
  /** GetTables page size; small pages let tests exercise paging. */
  pageSize?: number;
}

const ZONE_DATABASES: readonly Zone[] = ["raw", "trusted", "refined"];

/**
 * The Glue Data Catalog behind the same interface as LocalCatalog. Tables are Glue tables with the
 * format's SerDe (Parquet: ParquetHiveSerDe) and partition keys, so Athena reads them without a
 * crawler; Lakebook's own fields travel in `lakebook.*` table parameters (aws/glue/table-input.ts).
 */
export class GlueCatalog implements Catalog {
  private readonly client: GlueClient;
  private readonly lake: LakeLocation;
  private readonly databases: readonly string[];
  private readonly pageSize: number | undefined;

  constructor(options: GlueCatalogOptions) {
    this.client = options.client;
    this.lake = { bucket: options.bucket, prefix: options.prefix ?? "" };
    this.databases = options.databases ?? ZONE_DATABASES;
    this.pageSize = options.pageSize;
  }

  async list(): Promise<CatalogTable[]> {
    return (await this.listWithProblems()).tables;
  }

  async listWithProblems(): Promise<{ tables: CatalogTable[]; problems: CatalogProblem[] }> {
    const tables: CatalogTable[] = [];
    const problems: CatalogProblem[] = [];
    for (const database of this.databases) {
      for (const table of await this.tablesOf(database)) {
        try {
          tables.push(fromGlueTable(table, this.lake));
        } catch (error) {
          const { code, message, hint } = error as LakebookError;
          problems.push({ code, message, table: `${database}.${table.Name}`, ...(hint ? { hint } : {}) });
        }
      }
    }
    return { tables: tables.sort(byDatabaseThenName), problems };
  }

  async get(database: string, name: string): Promise<CatalogTable | undefined> {
    assertCatalogNames(database, name);
    const table = await this.glueTable(database, name);
    return table ? fromGlueTable(table, this.lake) : undefined;
  }

  async put(table: CatalogTable): Promise<void> {
    const parsed = CatalogTableSchema.safeParse(table);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "(table)"}: ${issue.message}`,
      );
      throw new LakebookError("CATALOG_INVALID_TABLE", `Table definition is invalid: ${issues.join("; ")}.`, {
        hint: "Fix the fields named above; the catalog was not changed.",
      });
    }
    const { database, name } = parsed.data;
    assertCatalogNames(database, name);
    const input = toTableInput({ ...parsed.data, location: tableFolder(parsed.data.location) }, this.lake);
    const exists = (await this.glueTable(database, name)) !== undefined;
    const what = { action: `register ${qualifiedName(parsed.data)} in the Glue Data Catalog` };
    try {
      if (exists) {
        await this.client.send(new UpdateTableCommand({ DatabaseName: database, TableInput: input }));
        return;
      }
      await this.createTable(database, input);
    } catch (error) {
      throw glueError(error, { ...what, iamAction: exists ? "glue:UpdateTable" : "glue:CreateTable" });
    }
  }

  async remove(database: string, name: string): Promise<void> {
    assertCatalogNames(database, name);
    try {
      await this.client.send(new DeleteTableCommand({ DatabaseName: database, Name: name }));
    } catch (error) {
      if ((error as { name?: string }).name === "EntityNotFoundException") return;
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
      if ((error as { name?: string }).name !== "EntityNotFoundException") throw error;
      await this.client.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } })).catch((e) => {
        if ((e as { name?: string }).name !== "AlreadyExistsException") throw e;
      });
      await this.client.send(new CreateTableCommand({ DatabaseName: database, TableInput: input }));
    }
  }

  private async glueTable(database: string, name: string): Promise<Table | undefined> {
    try {
      return (await this.client.send(new GetTableCommand({ DatabaseName: database, Name: name }))).Table;
    } catch (error) {
      if ((error as { name?: string }).name === "EntityNotFoundException") return undefined;
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
      if ((error as { name?: string }).name === "EntityNotFoundException") return [];
      throw glueError(error, { action: `list the tables of ${database}`, iamAction: "glue:GetTables" });
    }
    return tables;
  }
}
