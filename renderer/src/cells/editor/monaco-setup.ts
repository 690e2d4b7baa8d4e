import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/sql/register";
import "monaco-editor/languages/definitions/yaml/register";
import "monaco-editor/languages/definitions/markdown/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import JsonWorker from "monaco-editor/languages/features/json/json.worker?worker";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";
import type { CatalogTable } from "../../../../pipeline/contract";
import { type SqlSuggestion, sqlSuggestions } from "./sql-completion";

/**
 * Monaco, set up once per page: bundled workers (no CDN, no eval: the page's CSP allows workers from
 * 'self' and blob: only), the languages cells use, SQL completion from the catalog, and the
 * Vega-Lite schema for chart cells (bundled, loaded with the first chart editor).
 */
(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === "json" ? new JsonWorker() : new EditorWorker()),
};

// Token colours chosen for ≥ 4.5:1 on the editor background (Monaco's defaults fail axe in places).
// The built-in themes also style "<token>.sql" explicitly, so each colour is set for both.
const LIGHT = {
  "": "1b1f24",
  keyword: "0b4fa3",
  operator: "6b3fa0",
  predefined: "8a2c8a",
  number: "116329",
  string: "a31515",
  comment: "3b6e2a",
  delimiter: "1b1f24",
  type: "0b4fa3",
};
const DARK = {
  "": "e6e9ee",
  keyword: "79b8ff",
  operator: "c8a6ff",
  predefined: "f0a6f0",
  number: "b5cea8",
  string: "f0a58a",
  comment: "8fcf7a",
  delimiter: "e6e9ee",
  type: "79b8ff",
};
const rules = (palette: Record<string, string>) =>
  Object.entries(palette).flatMap(([token, foreground]) =>
    token
      ? [
          { token, foreground },
          { token: `${token}.sql`, foreground },
        ]
      : [{ token, foreground }],
  );
monaco.editor.defineTheme("lakebook-light", {
  base: "vs",
  inherit: true,
  rules: rules(LIGHT),
  colors: { "editor.background": "#ffffff", "editorLineNumber.foreground": "#4d5663" },
});
monaco.editor.defineTheme("lakebook-dark", {
  base: "vs-dark",
  inherit: true,
  rules: rules(DARK),
  colors: { "editor.background": "#14171c", "editorLineNumber.foreground": "#aab3bf" },
});

export const monacoTheme = (theme: "light" | "dark") =>
  theme === "dark" ? "lakebook-dark" : "lakebook-light";

let catalogTables: () => readonly CatalogTable[] = () => [];

export function setCompletionCatalog(tables: () => readonly CatalogTable[]): void {
  catalogTables = tables;
}

const KIND: Record<SqlSuggestion["kind"], monaco.languages.CompletionItemKind> = {
  database: monaco.languages.CompletionItemKind.Module,
  table: monaco.languages.CompletionItemKind.Struct,
  column: monaco.languages.CompletionItemKind.Field,
  keyword: monaco.languages.CompletionItemKind.Keyword,
};

monaco.languages.registerCompletionItemProvider("sql", {
  triggerCharacters: ["."],
  provideCompletionItems(model, position) {
    const word = model.getWordUntilPosition(position);
    const range = new monaco.Range(
      position.lineNumber,
      word.startColumn,
      position.lineNumber,
      word.endColumn,
    );
    const before = model.getValueInRange(new monaco.Range(1, 1, position.lineNumber, position.column));
    const suggestions = sqlSuggestions(before, model.getValue(), catalogTables()).map((s, n) => ({
      label: s.label,
      kind: KIND[s.kind],
      insertText: s.insertText,
      range,
      sortText: `${["column", "table", "database", "keyword"].indexOf(s.kind)}${String(n).padStart(4, "0")}`,
      ...(s.detail ? { detail: s.detail } : {}),
    }));
    return { suggestions };
  },
});

const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
let schemaLoading: Promise<void> | null = null;

/** Loads the Vega-Lite JSON schema (1.9 MB, its own chunk) the first time a chart cell is edited. */
export function ensureChartSchema(): Promise<void> {
  schemaLoading ??= import("vega-lite/vega-lite-schema.json").then(({ default: schema }) => {
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      enableSchemaRequest: false,
      schemas: [{ uri: VEGA_LITE_SCHEMA, fileMatch: ["*.chart.json"], schema }],
    });
  });
  return schemaLoading;
}

const models = new Map<string, monaco.editor.ITextModel>();

/** One model per cell, kept across edits so each cell keeps its own text undo stack. */
export function modelFor(cellId: string, language: string, value: string): monaco.editor.ITextModel {
  const existing = models.get(cellId);
  if (existing && !existing.isDisposed()) {
    if (existing.getLanguageId() !== language) monaco.editor.setModelLanguage(existing, language);
    if (existing.getValue() !== value) {
      existing.pushEditOperations([], [{ range: existing.getFullModelRange(), text: value }], () => null);
    }
    return existing;
  }
  const suffix = language === "json" ? "chart.json" : language;
  const uri = monaco.Uri.parse(`inmemory://lakebook/${encodeURIComponent(cellId)}.${suffix}`);
  const model = monaco.editor.createModel(value, language, uri);
  models.set(cellId, model);
  return model;
}

export { monaco };
