import { createStore } from "../state/store";

/**
 * Requests from a command to a panel drawn above the commands' layer: the course checklist and the
 * settings' sections. A command cannot import those panels (they sit above it), so it asks here and
 * the panel, which subscribes, opens and takes focus. `tick` makes asking twice open it twice.
 */
export type PanelRequest = { panel: "course" | "tmdbToken" | "target"; tick: number } | null;

export const panelRequests = createStore<PanelRequest>(null);

export function requestPanel(panel: NonNullable<PanelRequest>["panel"]): void {
  panelRequests.set((last) => ({ panel, tick: (last?.tick ?? 0) + 1 }));
}
