import type { CatalogTable } from "../../../pipeline/contract";
import type { ServiceClient } from "../service/client";
import { createStore, type Store } from "./store";

/** The catalog's tables, shared by the lake browser and SQL completion. Reloaded after runs. */
export interface CatalogState {
  tables: readonly CatalogTable[];
  /** Bumped on every reload so the lake tree refetches its objects too. */
  generation: number;
  error?: string;
}

export function createCatalogStore(): Store<CatalogState> {
  return createStore<CatalogState>({ tables: [], generation: 0 });
}

export async function reloadCatalog(
  client: Pick<ServiceClient, "call">,
  store: Store<CatalogState>,
): Promise<void> {
  try {
    const { tables } = await client.call("catalog.list", {});
    store.set((s) => ({ tables, generation: s.generation + 1 }));
  } catch (error) {
    store.set((s) => ({ ...s, generation: s.generation + 1, error: (error as Error).message }));
  }
}
