import { useEffect, useRef } from "react";
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

/**
 * Calls `onRequest` each time a command asks for `panel` after this component mounted (an older
 * request, made before it was drawn, is not replayed).
 */
export function usePanelRequest(panel: NonNullable<PanelRequest>["panel"], onRequest: () => void): void {
  const latest = useRef(onRequest);
  latest.current = onRequest;
  useEffect(() => {
    let seen = panelRequests.get()?.tick;
    return panelRequests.subscribe(() => {
      const request = panelRequests.get();
      if (!request || request.tick === seen) return;
      seen = request.tick;
      if (request.panel === panel) latest.current();
    });
  }, [panel]);
}
