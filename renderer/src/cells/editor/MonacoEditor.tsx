import { useEffect, useRef } from "react";
import type { ServiceError } from "../../../../pipeline/contract";
import { useStore } from "../../state/store";
import { useWorkbench } from "../../state/workbench-context";
import { useTheme } from "../../theme/theme";
import type { CellEditorProps } from "./CellEditor";
import { ensureChartSchema, modelFor, monaco, monacoTheme, setCompletionCatalog } from "./monaco-setup";

const MAX_HEIGHT = 640;
const ERROR_OWNER = "lakebook-run";

/** A marker over the word at the error's place (or one character), carrying the message and hint. */
function errorMarker(model: monaco.editor.ITextModel, error: ServiceError): monaco.editor.IMarkerData {
  const line = Math.min(error.at?.line ?? 1, model.getLineCount());
  const column = Math.min(error.at?.column ?? 1, model.getLineMaxColumn(line));
  const word = model.getWordAtPosition({ lineNumber: line, column });
  const end =
    word && word.startColumn === column ? word.endColumn : Math.min(column + 1, model.getLineMaxColumn(line));
  return {
    severity: monaco.MarkerSeverity.Error,
    message: error.hint ? `${error.message}\n${error.hint}` : error.message,
    code: error.code,
    startLineNumber: line,
    startColumn: column,
    endLineNumber: line,
    endColumn: Math.max(end, column + 1),
  };
}

/** Monaco for one cell: grows with its content, reports every change, follows the theme. */
export default function MonacoEditor({
  cellId,
  language,
  value,
  ariaLabel,
  onChange,
  autoFocus,
}: CellEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const wb = useWorkbench();
  const theme = useTheme();
  useEffect(() => setCompletionCatalog(() => wb.catalog.get().tables), [wb]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one editor per cell; the text, language and label follow through the model (below), not by recreating the editor
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    if (language === "json") void ensureChartSchema();
    const instance = monaco.editor.create(element, {
      model: modelFor(cellId, language, value),
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: "on",
      fontSize: 13,
      lineNumbersMinChars: 3,
      renderLineHighlight: "none",
      scrollbar: { alwaysConsumeMouseWheel: false },
      fixedOverflowWidgets: true,
      theme: monacoTheme(document.documentElement.dataset.theme === "dark" ? "dark" : "light"),
      bracketPairColorization: { enabled: false },
      // Enter ends the line, Tab takes the suggestion (as in JupyterLab): with Enter accepting,
      // "FROM raw.movies⏎LIMIT 3" became "FROM raw.moviesLIMIT 3".
      acceptSuggestionOnEnter: "off",
      // The classic textarea input: screen readers and test drivers know it; EditContext is experimental.
      editContext: false,
    });
    editor.current = instance;
    const fitHeight = () => {
      element.style.height = `${Math.min(MAX_HEIGHT, Math.max(38, instance.getContentHeight()))}px`;
      instance.layout();
    };
    fitHeight();
    const size = instance.onDidContentSizeChange(fitHeight);
    const content = instance.onDidChangeModelContent(() => changed.current(instance.getValue()));
    if (autoFocus) instance.focus();
    return () => {
      size.dispose();
      content.dispose();
      instance.dispose();
      editor.current = null;
    };
  }, [cellId]);

  useEffect(() => {
    const instance = editor.current;
    if (instance) modelFor(cellId, language, value);
  }, [cellId, language, value]);

  useEffect(() => monaco.editor.setTheme(monacoTheme(theme)), [theme]);

  // The last run's error, where it has a place in the cell, as a marker at that line and column.
  const failure = useStore(wb.runs, (s) => s.cells[cellId]?.error);
  // biome-ignore lint/correctness/useExhaustiveDependencies: markers follow the error, not each keystroke
  useEffect(() => {
    const model = modelFor(cellId, language, value);
    monaco.editor.setModelMarkers(model, ERROR_OWNER, failure?.at ? [errorMarker(model, failure)] : []);
  }, [cellId, failure]);

  return <div ref={host} className="monaco-host" />;
}
