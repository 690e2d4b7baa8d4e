import type { ReactNode } from "react";
import type { Cell } from "../../../../pipeline/document";
import { ChartBuilder } from "./ChartBuilder";

/** A chart cell's source: the builder (folded) above the Vega-Lite JSON, which stays editable by hand. */
export function ChartSource({ cell, children }: { cell: Cell; children: ReactNode }) {
  return (
    <div className="chart-source">
      <ChartBuilder cell={cell} />
      {children}
    </div>
  );
}
