import { createElement as h } from "react";
import type { CellEditorProps } from "../../../../renderer/src/cells/editor/CellEditor";

/** Monaco cannot run in jsdom: tests swap the cell editor for a textarea with the same contract. */
export function TextareaEditor(props: CellEditorProps) {
  return h(
    "div",
    { className: "cell-editor", "data-cell-editor": "" },
    h("textarea", {
      "aria-label": props.ariaLabel,
      value: props.value,
      autoFocus: props.autoFocus,
      onChange: (event: { target: { value: string } }) => props.onChange(event.target.value),
    }),
  );
}
