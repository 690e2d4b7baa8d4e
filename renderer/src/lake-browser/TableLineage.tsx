import type { CatalogTable } from "../../../pipeline/contract";
import { runCommand } from "../commands/notebook-commands";
import { useT } from "../i18n";
import { cellById } from "../state/document-store";
import { useWorkbench } from "../state/workbench-context";
import { fillMessage } from "../ui/catalog-table/fill-message";
import { TableNames, type TableOpener } from "../ui/catalog-table/TableName";

/** "Made by cell X from raw.movies, …": the cell selects it in the notebook, catalog inputs open. */
export function TableLineage({ table, open }: { table: CatalogTable; open?: TableOpener | undefined }) {
  const t = useT();
  const wb = useWorkbench();
  const producer = table.producedBy;
  if (!producer) return <p className="placeholder">{t("table.noLineage")}</p>;
  // Only a cell of this notebook can be selected; a table made by another notebook says its id.
  const inNotebook = cellById(wb.doc.get().notebook.cells, producer.cell) !== undefined;
  const madeBy = t("table.producedBy", { cell: producer.cell });
  return (
    <p className="table-lineage">
      {inNotebook ? (
        <button
          type="button"
          className="link-button"
          onClick={() => runCommand(wb, "selectCell", producer.cell)}
          title={t("table.showCell", { cell: producer.cell })}
        >
          {madeBy}
        </button>
      ) : (
        madeBy
      )}
      {producer.inputs.length > 0 && (
        <> {fillMessage(t("table.inputs"), { inputs: <TableNames names={producer.inputs} open={open} /> })}</>
      )}
    </p>
  );
}
