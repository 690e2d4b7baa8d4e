import { mkdir, readdir, readFile, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { type CatalogTable, CatalogTableSchema } from "../contract/catalog";
import { LakebookError } from "../contract/errors";
import { isTempFile, writeFileAtomic } from "../lake/atomic-write";
import { byDatabaseThenName, CATALOG_FOLDER, type Catalog, type CatalogProblem } from "./catalog";
import { assertCatalogNames, tableFolder } from "./names";
import { stableJson } from "./stable-json";

/**
 * The stand-in for the Glue Data Catalog: one JSON definition per table at
 * `<lake>/_catalog/<database>/<table>.json`, readable and diffable like a Glue table definition.
 */
export class LocalCatalog implements Catalog {
  readonly root: string;

  constructor(lakeRoot: string) {
    this.root = path.join(path.resolve(lakeRoot), CATALOG_FOLDER);
  }

  async list(): Promise<CatalogTable[]> {
    return (await this.listWithProblems()).tables;
  }

  async listWithProblems(): Promise<{ tables: CatalogTable[]; problems: CatalogProblem[] }> {
    const tables: CatalogTable[] = [];
    const problems: CatalogProblem[] = [];
    for (const database of await entries(this.root, "directory")) {
      for (const fileName of await entries(path.join(this.root, database), "file")) {
        if (isTempFile(fileName) || !fileName.endsWith(".json")) continue;
        const file = path.join(this.root, database, fileName);
        try {
          tables.push(await this.readDefinition(file, database, fileName.slice(0, -".json".length)));
        } catch (error) {
          const problem = problemOf(error, file);
          if (problem) problems.push(problem);
        }
      }
    }
    return { tables: tables.sort(byDatabaseThenName), problems };
  }

  async get(database: string, name: string): Promise<CatalogTable | undefined> {
    assertCatalogNames(database, name);
    try {
      return await this.readDefinition(this.fileOf(database, name), database, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
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
    tableFolder(parsed.data.location);
    const file = this.fileOf(parsed.data.database, parsed.data.name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, stableJson(parsed.data));
  }

  async remove(database: string, name: string): Promise<void> {
    assertCatalogNames(database, name);
    await rm(this.fileOf(database, name), { force: true });
    // An empty database folder would list as a database with no tables.
    await rmdir(path.join(this.root, database)).catch(() => undefined);
  }

  private fileOf(database: string, name: string): string {
    return path.join(this.root, database, `${name}.json`);
  }

  /** Throws ENOENT as is; anything unreadable becomes CATALOG_CORRUPT naming the file. */
  private async readDefinition(file: string, database: string, name: string): Promise<CatalogTable> {
    const text = await readFile(file, "utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw corrupt(file, `is not valid JSON (${(error as Error).message})`, error);
    }
    const parsed = CatalogTableSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw corrupt(
        file,
        `is not a table definition (${first?.path.join(".") || "(table)"}: ${first?.message})`,
      );
    }
    if (parsed.data.database !== database || parsed.data.name !== name) {
      throw corrupt(
        file,
        `defines ${parsed.data.database}.${parsed.data.name}, but its path says ${database}.${name}`,
      );
    }
    return parsed.data;
  }
}

function corrupt(file: string, problem: string, cause?: unknown): LakebookError {
  return new LakebookError("CATALOG_CORRUPT", `Catalog file ${file} ${problem}.`, {
    hint: "Fix or delete the file, then run the cell that registers the table again.",
    cause,
  });
}

/** A definition removed between readdir and read is simply gone, not a problem. */
function problemOf(error: unknown, file: string): CatalogProblem | undefined {
  if (error instanceof LakebookError) {
    return { code: error.code, message: error.message, file, ...(error.hint ? { hint: error.hint } : {}) };
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return undefined;
  return {
    code: "CATALOG_UNREADABLE",
    message: `Catalog file ${file} cannot be read (${code ?? (error as Error).message}).`,
    file,
    hint: "Check the file's permissions.",
  };
}

async function entries(folder: string, kind: "directory" | "file"): Promise<string[]> {
  try {
    const found = await readdir(folder, { withFileTypes: true });
    return found
      .filter((entry) => (kind === "directory" ? entry.isDirectory() : entry.isFile()))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
