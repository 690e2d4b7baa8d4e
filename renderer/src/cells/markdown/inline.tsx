import type { ReactNode } from "react";

/**
 * Inline Markdown (code spans, strong, emphasis, links, backslash escapes) to React elements.
 * Text only ever becomes React text nodes, so `<script>` in a cell shows as the characters it is.
 */
const INLINE = new RegExp(
  [
    /\\([!-/:-@[-`{-~])/.source, // 1: backslash escape
    /(`+)([^`][\s\S]*?|[\s\S]*?[^`])\2(?!`)/.source, // 2, 3: code span
    /\*\*(?=\S)([\s\S]*?\S)\*\*/.source, // 4: strong
    /(?<![\w\\])__(?=\S)([\s\S]*?\S)__(?!\w)/.source, // 5: strong
    /\*(?=[^\s*])([\s\S]*?[^\s*])\*/.source, // 6: emphasis
    /(?<![\w\\])_(?=[^\s_])([\s\S]*?[^\s_])_(?!\w)/.source, // 7: emphasis
    /\[([^\]]+)\]\(([^()\s]+)\)/.source, // 8, 9: link
    /<((?:https?:\/\/|mailto:)[^>\s]+)>/.source, // 10: autolink
  ].join("|"),
);

/** Links may go to the web, mail, or a place in the page; never `javascript:` or `data:`. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[#/.]|^[\w-]+(\/|$)/.test(trimmed) && !/^[\w+.-]+:/.test(trimmed)) return trimmed;
  return undefined;
}

function link(href: string, children: ReactNode, key: string): ReactNode {
  const safe = safeHref(href);
  if (!safe) return <span key={key}>{children}</span>;
  const external = /^(https?:|mailto:)/i.test(safe);
  return (
    <a key={key} href={safe} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
      {children}
    </a>
  );
}

export function renderInline(text: string, keyPrefix = "i"): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push(rest);
      break;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const key = `${keyPrefix}.${n++}`;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[3] !== undefined) out.push(<code key={key}>{m[3].replace(/^ (.*) $/s, "$1")}</code>);
    else if (m[4] !== undefined || m[5] !== undefined)
      out.push(<strong key={key}>{renderInline((m[4] ?? m[5]) as string, key)}</strong>);
    else if (m[6] !== undefined || m[7] !== undefined)
      out.push(<em key={key}>{renderInline((m[6] ?? m[7]) as string, key)}</em>);
    else if (m[8] !== undefined) out.push(link(m[9] as string, renderInline(m[8], key), key));
    else if (m[10] !== undefined) out.push(link(m[10], m[10], key));
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}
