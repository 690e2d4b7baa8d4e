import { Fragment, type ReactNode } from "react";

/**
 * `release_date_key` with a line-break chance after each `_` and `.`, so a narrow panel wraps a
 * name between its words instead of mid-word ("release_date_k|ey").
 */
export function breakableName(name: string): ReactNode {
  const parts = name.split(/(?<=[_.])/);
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: parts of one name never reorder: their place is their identity
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}
