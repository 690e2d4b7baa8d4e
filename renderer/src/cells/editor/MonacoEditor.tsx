import { useEffect, useRef } from "react";
import { useWorkbench } from "../../state/workbench-context";
import { useTheme } from "../../theme/theme";
import type { CellEditorProps } from "./CellEditor";
import { ensureChartSchema, modelFor, monaco, monacoTheme, setCompletionCatalog } from "./monaco-setup";

const MAX_HEIGHT = 640;

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

  return <div ref={host} className="monaco-host" />;
}
