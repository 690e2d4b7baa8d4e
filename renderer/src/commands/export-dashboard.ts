import { saveBlob } from "../service/desktop";
import { createStore } from "../state/store";
import type { Workbench } from "../state/workbench";
import { downloadBlob } from "../ui/download";

export type DashboardExportState =
  | { kind: "idle" }
  | { kind: "exporting" }
  | { kind: "done"; fileName: string; skipped: string[] }
  | { kind: "failed"; message: string; hint?: string | undefined };

/** The last "Export dashboard": shown beside the toolbar button, so a failure is seen, not only heard. */
export const dashboardExport = createStore<DashboardExportState>({ kind: "idle" });

/** Whether this page can export (`dashboard.export`, on every transport); only chart cells make one. */
export const canExportDashboard = (wb: Pick<Workbench, "client" | "doc">) =>
  wb.client.canExportDashboard() &&
  dashboardExport.get().kind !== "exporting" &&
  wb.doc.get().notebook.cells.some((cell) => cell.kind === "chart");

/**
 * Saves the same HTML `lakebook export --html` writes. Saves first: the service builds the
 * dashboard from the notebook as saved, running each chart on the lake the UI's runs filled.
 */
export async function exportDashboard(wb: Pick<Workbench, "client" | "autosave">): Promise<void> {
  dashboardExport.set({ kind: "exporting" });
  try {
    await wb.autosave.flush();
    const { html, fileName } = await wb.client.exportDashboard();
    // The desktop's Save dialog where there is one; cancelling it is no failure, only no file.
    const saved = await saveBlob(html, { kind: "dashboard", defaultName: fileName }, downloadBlob);
    const skipped = skippedCharts(await headOf(html));
    dashboardExport.set(saved ? { kind: "done", fileName, skipped } : { kind: "idle" });
  } catch (error) {
    const { message, hint } = error as Error & { hint?: string };
    dashboardExport.set({ kind: "failed", message: message ?? String(error), hint });
  }
}

/** The charts the service left out because they failed: the page names them in a meta tag. */
export function skippedCharts(html: string): string[] {
  const found = /<meta name="lakebook-skipped-charts" content="([^"]*)">/.exec(html);
  return (found?.[1] ?? "").split(" ").filter(Boolean);
}

/** The page's head, where that meta tag is: the start of the file is enough. */
async function headOf(html: Blob): Promise<string> {
  const head = html.slice(0, 8192);
  return typeof head.text === "function" ? head.text().catch(() => "") : "";
}
