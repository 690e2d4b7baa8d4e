import type { Workspace } from "./workspace";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * The page `lakebook serve` shows until the workbench UI is built into renderer/dist:
 * the notebook's cells and where its lake is, so a user can see the service is theirs and alive.
 */
export function statusPage(workspace: Workspace): string {
  const notebook = workspace.notebook;
  const title = typeof notebook?.meta.title === "string" ? notebook.meta.title : "Lakebook";
  const cells = (notebook?.cells ?? [])
    .map(
      (cell) =>
        `<li data-cell-id="${escapeHtml(cell.id)}" data-kind="${escapeHtml(cell.kind)}"><code>${escapeHtml(cell.kind)}</code> ${escapeHtml(cell.id)}</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} — Lakebook</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:0 .3em}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Lakebook service on this computer only. Notebook: <code>${escapeHtml(workspace.notebookPath ?? "none")}</code>; lake: <code>${escapeHtml(workspace.lakeRoot)}</code>.</p>
<ol aria-label="Cells">
${cells}
</ol>
</main>
</body>
</html>
`;
}
