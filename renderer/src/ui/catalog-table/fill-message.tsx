import { Fragment, type ReactNode } from "react";

/**
 * A translated template whose `{name}` slots take elements (buttons, code), not strings: each
 * language keeps its own word order ("Read from {inputs}", "Lido de {inputs}").
 */
export function fillMessage(template: string, slots: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/\{(\w+)\}/);
  // split with a capture group alternates text, slot name, text, …
  return parts.map((part, index) =>
    index % 2 === 0 ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: a template may use one slot twice, and its parts never reorder
      <Fragment key={`${part}-${index}`}>{slots[part] ?? `{${part}}`}</Fragment>
    ),
  );
}
