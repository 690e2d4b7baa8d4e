import type { CatalogTable } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { fillMessage } from "../../ui/catalog-table/fill-message";
import { TableNames } from "../../ui/catalog-table/TableName";

/**
 * "Read from raw.movies, …". Plain names: the lake browser keeps which table is open to itself,
 * so there is no command to open one from a cell's output yet.
 */
export function TransformLineage({ table }: { table: CatalogTable }) {
  const t = useT();
  const inputs = table.producedBy?.inputs ?? [];
  if (inputs.length === 0) return null;
  return (
    <p className="transform-lineage">
      {fillMessage(t("transform.readFrom"), { inputs: <TableNames names={inputs} /> })}
    </p>
  );
}
