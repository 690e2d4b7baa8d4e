import type { ServiceError } from "../pipeline/contract/errors";

/**
 * The pages the shell shows instead of the workbench: the start page (no notebook yet) and the
 * failure page (the service did not start). Each says what happened and offers a way on — open
 * another notebook, make a new one, read the log — through the same preload as the workbench.
 */
export type ShellPageState =
  | { kind: "start" }
  | { kind: "failure"; notebookPath: string; error: ServiceError; logFile: string };

export const SHELL_PAGE_PATH = "/shell/page.html";
export const SHELL_SCRIPT_PATH = "/shell/page.js";

export function shellPageHtml(state: ShellPageState): string {
  const body =
    state.kind === "start"
      ? `<h1>Lakebook</h1>
<p>Open a notebook (<code>*.lakebook.md</code>) to start, or make a new one.</p>
<p class="actions">
  <button data-action="open" autofocus>Open a notebook…</button>
  <button data-action="new">New notebook…</button>
</p>`
      : `<h1>The notebook could not be opened</h1>
<p class="file">${escapeHtml(state.notebookPath)}</p>
<div class="error" role="alert">
  <p><strong>${escapeHtml(state.error.message)}</strong></p>
  ${state.error.hint ? `<p>${escapeHtml(state.error.hint)}</p>` : ""}
  <p class="code">${escapeHtml(state.error.code)}</p>
</div>
<p class="actions">
  <button data-action="retry" data-path="${escapeHtml(state.notebookPath)}" autofocus>Try again</button>
  <button data-action="open">Open another notebook…</button>
  <button data-action="new">New notebook…</button>
  <button data-action="logs">Show logs</button>
</p>
<p class="log">The details are in ${escapeHtml(state.logFile)}.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>Lakebook</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 12vh auto; padding: 0 1.5rem; }
  h1 { font-size: 1.5rem; font-weight: 600; }
  .file, .code, .log { font-family: ui-monospace, monospace; font-size: 13px; opacity: 0.8; word-break: break-all; }
  .error { border-left: 4px solid #c0392b; padding: 0.25rem 1rem; margin: 1rem 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1.5rem; }
  button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 6px; border: 1px solid #8888; cursor: pointer; }
</style>
</head>
<body>
<main>
${body}
</main>
<script src="${SHELL_SCRIPT_PATH}"></script>
</body>
</html>
`;
}

/** The page's only script (the CSP allows no inline script): each button calls the preload's API. */
export const SHELL_PAGE_SCRIPT = `"use strict";
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-action]");
  const desktop = window.lakebook;
  if (!button || !desktop) return;
  const action = button.dataset.action;
  if (action === "open") void desktop.openNotebook();
  else if (action === "retry") void desktop.openNotebook(button.dataset.path);
  else if (action === "new") void desktop.newNotebook();
  else if (action === "logs") void desktop.showLogs();
});
`;

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}
