import { attr, type Cell } from "../../../../pipeline/document";
import { useStore } from "../../state/store";
import { useWorkbench } from "../../state/workbench-context";
import type { SourceColumn } from "./field-type";

const NONE: readonly SourceColumn[] = [];

/**
 * The columns a chart can use, without asking the service: a `source=` SQL cell's last result (the
 * run store keeps its columns) or a `table=` table as the catalog lists it. Empty until known.
 */
export function useSourceColumns(cell: Cell): { name: string | undefined; columns: readonly SourceColumn[] } {
  const wb = useWorkbench();
  const source = attr(cell, "source");
  const table = attr(cell, "table");
  const fromRun = useStore(wb.runs, (s) => {
    const output = source ? s.cells[source]?.output : undefined;
    return output?.type === "table" ? output.result.columns : undefined;
  });
  const fromCatalog = useStore(wb.catalog, (s) =>
    table ? s.tables.find((t) => `${t.database}.${t.name}` === table)?.columns : undefined,
  );
  return { name: source ?? table, columns: fromRun ?? fromCatalog ?? NONE };
}
