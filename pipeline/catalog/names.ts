import { LakebookError } from "../contract/errors";

/** Glue and Athena fold identifiers to lower case: lower snake case means the same name everywhere. */
const NAME = /^[a-z][a-z0-9_]*$/;
const MAX_NAME = 255;
/** DuckDB resolves these as its own catalogs first ("Ambiguous reference"), so `temp.x` could never work. */
const RESERVED_DATABASES = new Set(["temp", "system", "memory", "information_schema", "pg_catalog"]);

export function assertCatalogNames(database: string, name: string): void {
  assertName("Database", database);
  assertName("Table", name);
  if (RESERVED_DATABASES.has(database)) {
    throw new LakebookError("CATALOG_INVALID_NAME", `Database name "${database}" is reserved by DuckDB.`, {
      hint: "Use the zone as the database: raw, trusted or refined.",
    });
  }
}

function assertName(what: string, value: string): void {
  if (typeof value === "string" && value.length <= MAX_NAME && NAME.test(value)) return;
  throw new LakebookError(
    "CATALOG_INVALID_NAME",
    `${what} name ${JSON.stringify(value)} is not lower snake case.`,
    {
      hint: "Use letters a-z, digits and _, starting with a letter (at most 255), e.g. fact_title_rating.",
    },
  );
}

/**
 * A table location is a lake folder, relative to the lake root; returned ending in "/".
 * Catalog imports nothing of lake/ but its atomic write (ARCHITECTURE.md), so the few rules a glob
 * needs are repeated here:
 * the same ones lake/keys applies to object keys, plus no glob characters.
 */
export function tableFolder(location: string): string {
  const folder = location.endsWith("/") ? location.slice(0, -1) : location;
  const problem = locationProblem(folder);
  if (problem) {
    throw new LakebookError(
      "CATALOG_INVALID_LOCATION",
      `Table location ${JSON.stringify(location)} ${problem}.`,
      {
        hint: "A location is a folder of the lake, relative to its root, e.g. Trusted/Local/Parquet/movies/.",
      },
    );
  }
  return `${folder}/`;
}

// C0/C1 control characters: invisible in a listing and unsafe in a path.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;
/** The location becomes a glob: these would match other folders than the table's. */
const GLOB_CHAR = /[*?[\]{}]/;

function locationProblem(folder: string): string | undefined {
  if (folder === "") return "is empty";
  if (folder.startsWith("/")) return "starts with / (locations are relative to the lake)";
  if (folder.includes("\\")) return "contains a backslash (separate folders with /)";
  if (CONTROL_CHAR.test(folder)) return "contains a control character";
  if (GLOB_CHAR.test(folder)) return "contains a glob character (* ? [ ] { })";
  const segments = folder.split("/");
  if (segments.includes("")) return "has an empty folder name (//)";
  if (segments.some((segment) => segment === "." || segment === "..")) return 'has a "." or ".." segment';
  return undefined;
}
