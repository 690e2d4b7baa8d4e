import { useT } from "../../i18n";
import { breakableName } from "./breakable-name";

/** Opens a catalog table by its `database.table` name, or nothing when it cannot be opened here. */
export type TableOpener = (name: string) => (() => void) | undefined;

/** A table's name: a button that opens it in the lake browser when it can, else plain code. */
export function TableName({ name, open }: { name: string; open?: TableOpener | undefined }) {
  const t = useT();
  const onClick = open?.(name);
  if (!onClick) return <code>{breakableName(name)}</code>;
  return (
    <button
      type="button"
      className="link-button catalog-table-link"
      aria-label={t("catalog.openTable", { table: name })}
      onClick={onClick}
    >
      <code>{breakableName(name)}</code>
    </button>
  );
}

/** Names separated by commas, each one a `TableName`. */
export function TableNames({ names, open }: { names: readonly string[]; open?: TableOpener | undefined }) {
  return names.map((name, index) => (
    <span key={name}>
      {index > 0 && ", "}
      <TableName name={name} open={open} />
    </span>
  ));
}
