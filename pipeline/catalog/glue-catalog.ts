import { type CatalogTable, CatalogTableSchema, type Zone } from "../contract/catalog";
import { LakebookError } from "../contract/errors";
import { byDatabaseThenName, type Catalog, type CatalogProblem } from "./catalog";
import type { GlueTablesPort } from "./glue-tables-port";
import { assertCatalogNames, tableFolder } from "./names";

export interface GlueCatalogOptions {
  /** The Glue Data Catalog's tables: `GlueTables` from aws/glue in use, a fake in tests. */
  tables: GlueTablesPort;
  /** The databases Lakebook lists; the zones by default. Tables elsewhere are not Lakebook's. */
  databases?: readonly string[];
}

const ZONE_DATABASES: readonly Zone[] = ["raw", "trusted", "refined"];

/**
 * The Glue Data Catalog behind the same interface as LocalCatalog: the catalog's rules (valid
 * definitions and names, table folders, order, unreadable tables as problems) here, the Glue API
 * behind `GlueTablesPort`.
 */
export class GlueCatalog implements Catalog {
  private readonly tables: GlueTablesPort;
  private readonly databases: readonly string[];

  constructor(options: GlueCatalogOptions) {
    this.tables = options.tables;
    this.databases = options.databases ?? ZONE_DATABASES;
  }

  async list(): Promise<CatalogTable[]> {
    return (await this.listWithProblems()).tables;
  }

  async listWithProblems(): Promise<{ tables: CatalogTable[]; problems: CatalogProblem[] }> {
    const tables: CatalogTable[] = [];
    const problems: CatalogProblem[] = [];
    for (const database of this.databases) {
      for (const listed of await this.tables.list(database)) {
        if ("table" in listed) {
          tables.push(listed.table);
          continue;
        }
        const { code, message, hint } = listed.error as LakebookError;
        problems.push({ code, message, table: `${database}.${listed.name}`, ...(hint ? { hint } : {}) });
      }
    }
    return { tables: tables.sort(byDatabaseThenName), problems };
  }

  async get(database: string, name: string): Promise<CatalogTable | undefined> {
    assertCatalogNames(database, name);
    return this.tables.get(database, name);
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
    assertCatalogNames(parsed.data.database, parsed.data.name);
    await this.tables.put({ ...parsed.data, location: tableFolder(parsed.data.location) });
  }

  async remove(database: string, name: string): Promise<void> {
    assertCatalogNames(database, name);
    await this.tables.remove(database, name);
  }

  /**
   * Registers partitions a stage wrote (`[["2026-01-05"]]` for `dt=2026-01-05/`) under the table's
   * location, each with the table's storage; ones Glue already has are left as they are.
   */
  async addPartitions(database: string, name: string, values: string[][]): Promise<void> {
    await this.tables.addPartitions(database, name, values);
  }
}
