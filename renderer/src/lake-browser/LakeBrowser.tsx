import { useEffect, useState } from "react";
import type { Zone } from "../../../pipeline/contract";
import { runCommand } from "../commands/notebook-commands";
import { useT } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import type { TableOpener } from "../ui/catalog-table/TableName";
import { buildLakeTree, type LakeFolder, qualifiedName, searchCatalog } from "./lake-tree";
import { TableDetails } from "./TableDetails";
import { ZoneTree } from "./ZoneTree";

const ZONES: { zone: Zone; prefix: string; label: string }[] = [
  { zone: "raw", prefix: "Raw/", label: "RAW" },
  { zone: "trusted", prefix: "Trusted/", label: "TRUSTED" },
  { zone: "refined", prefix: "Refined/", label: "REFINED" },
];

type ZoneListing = { tree: LakeFolder | null; error?: string };

/** The lake side panel: zones as trees with sizes, catalog tables, and search over tables and columns. */
export function LakeBrowser() {
  const t = useT();
  const wb = useWorkbench();
  const { tables, generation } = useStore(wb.catalog, (s) => s);
  const [listings, setListings] = useState<Partial<Record<Zone, ZoneListing>>>({});
  const [openTable, setOpenTable] = useState<string | null>(null);
  const [query, setQuery] = useState("");

  useEffect(() => {
    let live = true;
    // Wait for the first catalog answer; every later one (after a run) lists the lake again.
    if (generation === 0) return;
    for (const { zone, prefix } of ZONES) {
      wb.client
        .call("lake.list", { prefix })
        .then(
          ({ objects }) =>
            live && setListings((l) => ({ ...l, [zone]: { tree: buildLakeTree(prefix, objects) } })),
        )
        .catch(
          (error: Error) =>
            live && setListings((l) => ({ ...l, [zone]: { tree: null, error: error.message } })),
        );
    }
    return () => {
      live = false;
    };
    // generation: the catalog was reloaded after a run, so the lake changed too.
  }, [wb, generation]);

  const table = openTable ? tables.find((tb) => qualifiedName(tb) === openTable) : undefined;
  // Only tables the catalog knows open; a lineage input can be files (`Raw/TMDB/JSON/…`).
  const open: TableOpener = (name) =>
    tables.some((tb) => qualifiedName(tb) === name) ? () => setOpenTable(name) : undefined;
  if (table) return <TableDetails table={table} onClose={() => setOpenTable(null)} open={open} />;
  const matches = searchCatalog(tables, query);
  return (
    <div className="lake-browser">
      <div className="lake-tools">
        <input
          type="search"
          aria-label={t("lake.search")}
          placeholder={t("lake.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" onClick={() => runCommand(wb, "reloadCatalog")}>
          {t("lake.refresh")}
        </button>
      </div>
      {query.trim() ? (
        matches.length === 0 ? (
          <p className="placeholder">{t("lake.noMatches")}</p>
        ) : (
          <ul className="search-results">
            {matches.map((m) => (
              <li key={`${qualifiedName(m.table)}:${m.column ?? ""}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setOpenTable(qualifiedName(m.table))}
                >
                  {qualifiedName(m.table)}
                  {m.column && ` — ${t("lake.columnMatch", { column: m.column })}`}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : (
        ZONES.map(({ zone, label }) => (
          <ZoneTree
            key={zone}
            label={label}
            tree={listings[zone]?.tree ?? null}
            error={listings[zone]?.error}
            canRemoveFiles={zone === "raw"}
            tables={tables.filter((tb) => tb.zone === zone)}
            onOpenTable={setOpenTable}
          />
        ))
      )}
    </div>
  );
}
