import type { CatalogTable } from "../../../pipeline/contract";
import { formatBytes, formatNumber, useLocale, useT } from "../i18n";
import type { LakeFolder } from "./lake-tree";
import { qualifiedName } from "./lake-tree";
import { RemoveRawFile } from "./RemoveRawFile";

interface ZoneTreeProps {
  label: string;
  tree: LakeFolder | null;
  tables: readonly CatalogTable[];
  error?: string | undefined;
  /** RAW only: each file gets a Remove button (with a confirmation naming it). */
  canRemoveFiles?: boolean;
  onOpenTable(name: string): void;
}

function FolderNode({ folder, canRemove }: { folder: LakeFolder; canRemove: boolean }) {
  const locale = useLocale();
  return (
    <li>
      <details>
        <summary>
          <span className="tree-name">{folder.name}/</span>
          <span className="tree-size">{formatBytes(locale, folder.size)}</span>
        </summary>
        <FolderChildren folder={folder} canRemove={canRemove} />
      </details>
    </li>
  );
}

function FolderChildren({ folder, canRemove }: { folder: LakeFolder; canRemove: boolean }) {
  const locale = useLocale();
  return (
    <ul className="tree">
      {folder.folders.map((f) => (
        <FolderNode key={f.path} folder={f} canRemove={canRemove} />
      ))}
      {folder.files.map((file) => (
        <li key={file.key} className="tree-file" title={file.key}>
          <span className="tree-name">{file.name}</span>
          <span className="tree-size">{formatBytes(locale, file.size)}</span>
          {canRemove && <RemoveRawFile fileKey={file.key} />}
        </li>
      ))}
    </ul>
  );
}

/** One zone (RAW, TRUSTED, REFINED): its catalog tables, then its objects as folders with sizes. */
export function ZoneTree({ label, tree, tables, error, canRemoveFiles = false, onOpenTable }: ZoneTreeProps) {
  const t = useT();
  const locale = useLocale();
  const empty = (tree?.count ?? 0) === 0 && tables.length === 0;
  return (
    <details className="zone" open>
      <summary>
        <span className="zone-name">{label}</span>
        {tree && tree.count > 0 && <span className="tree-size">{formatBytes(locale, tree.size)}</span>}
      </summary>
      {error && <p className="error-message">{t("lake.loadFailed", { message: error })}</p>}
      {empty && !error && <p className="placeholder">{t("lake.empty")}</p>}
      {tables.length > 0 && (
        <>
          <h3 className="tree-heading">{t("lake.tables")}</h3>
          <ul className="tree">
            {tables.map((table) => (
              <li key={qualifiedName(table)}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpenTable(qualifiedName(table))}
                >
                  {qualifiedName(table)}
                </button>
                {table.rows !== null && (
                  <span className="tree-size">
                    {formatNumber(locale, table.rows)} {t("unit.rows")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {tree && tree.count > 0 && (
        <>
          <h3 className="tree-heading">{t("lake.files")}</h3>
          <FolderChildren folder={tree} canRemove={canRemoveFiles} />
        </>
      )}
    </details>
  );
}
