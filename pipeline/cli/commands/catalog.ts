import { parseCommandArgs } from "../args";
import { printJson } from "../output";
import { renderTable } from "../text-table";
import { lakeOptions, openLakeWorkspace } from "./lake-options";

export async function catalogCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs("catalog", argv, { ...lakeOptions, json: { type: "boolean" } }, 0);
  const workspace = await openLakeWorkspace("catalog", values);
  try {
    const tables = await workspace.catalog.list();
    if (values.json) {
      printJson({ tables });
      return 0;
    }
    if (tables.length === 0) {
      process.stdout.write(`The catalog of ${workspace.lakeRoot} has no tables yet.\n`);
      return 0;
    }
    const rows = tables.map((t) => ({
      table: `${t.database}.${t.name}`,
      zone: t.zone,
      role: t.role ?? "",
      rows: t.rows ?? "?",
      columns: t.columns.length,
      location: t.location,
    }));
    const columns = ["table", "zone", "role", "rows", "columns", "location"].map((name) => ({
      name,
      type: "",
    }));
    process.stdout.write(renderTable(columns, rows));
    return 0;
  } finally {
    await workspace.close();
  }
}
