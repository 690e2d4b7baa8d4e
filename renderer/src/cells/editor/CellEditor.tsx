import { lazy, Suspense } from "react";
import type { EditorLanguage } from "./language";

export interface CellEditorProps {
  cellId: string;
  language: EditorLanguage;
  value: string;
  ariaLabel: string;
  onChange(value: string): void;
  autoFocus?: boolean;
}

// Monaco is large: it loads on first edit, not on first paint. Tests replace this module (jsdom has no Monaco).
const MonacoEditor = lazy(() => import("./MonacoEditor"));

/** The source editor of one cell. Everything else talks to this, never to Monaco. */
export function CellEditor(props: CellEditorProps) {
  return (
    <div className="cell-editor" data-cell-editor="">
      <Suspense fallback={<pre className="cell-code">{props.value || " "}</pre>}>
        <MonacoEditor {...props} />
      </Suspense>
    </div>
  );
}
