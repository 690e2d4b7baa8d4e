import { useEffect, useRef, useState } from "react";
import { useTheme } from "../../theme/theme";
import type { DrawnChart } from "./embed-chart";

export type DrawState = { kind: "drawing" } | { kind: "drawn" } | { kind: "failed"; message: string };

/** The page's own background, so a chart (and its PNG) sits on the cell's colour in either theme. */
function pageBackground(): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue("--bg").trim();
  return value || "#ffffff";
}

/**
 * Draws `spec` into the returned element and redraws when the spec (a new run of the chart or of
 * its source) or the theme changes; the previous view is finalized so its listeners go with it.
 */
export function useDrawnChart(spec: Record<string, unknown>) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<DrawnChart | null>(null);
  const [state, setState] = useState<DrawState>({ kind: "drawing" });
  const theme = useTheme();

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let cancelled = false;
    setState({ kind: "drawing" });
    // Vega loads with the first chart on the page, not with the workbench.
    import("./embed-chart")
      .then(({ drawChart }) => drawChart(element, structuredClone(spec), theme, pageBackground()))
      .then(
        (drawn) => {
          if (cancelled) return drawn.finalize();
          chart.current = drawn;
          setState({ kind: "drawn" });
        },
        (error: unknown) => {
          if (!cancelled) setState({ kind: "failed", message: (error as Error).message ?? String(error) });
        },
      );
    return () => {
      cancelled = true;
      chart.current?.finalize();
      chart.current = null;
    };
  }, [spec, theme]);

  return { host, chart, state };
}
