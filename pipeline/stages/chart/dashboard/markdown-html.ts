/**
 * A small, safe subset of Markdown for the dashboard's sections: headings, paragraphs, lists,
 * block quotes, fenced code, and inline code, bold, italics and http(s) links. Every character of
 * the source is escaped first, so prose can never inject markup or script.
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const html: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? "";
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const code: string[] = [];
      index += 1;
      while (index < lines.length && !(lines[index] ?? "").trimStart().startsWith(fence[1] ?? "```")) {
        code.push(lines[index] ?? "");
        index += 1;
      }
      index += 1;
      html.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      // The dashboard's own title is the only h1.
      const level = Math.max(2, heading[1]?.length ?? 2);
      html.push(`<h${level}>${inline(heading[2] ?? "")}</h${level}>`);
      index += 1;
      continue;
    }
    if (!line.trim()) {
      index += 1;
      continue;
    }
    const block = takeWhile(
      lines,
      index,
      (l) => l.trim() !== "" && !/^\s{0,3}(#{1,6}\s|`{3,}|~{3,})/.test(l),
    );
    index += block.length;
    html.push(blockHtml(block));
  }
  return html.join("\n");
}

function takeWhile(lines: string[], from: number, keep: (line: string) => boolean): string[] {
  const taken: string[] = [];
  for (let i = from; i < lines.length && keep(lines[i] ?? ""); i += 1) taken.push(lines[i] ?? "");
  return taken;
}

function blockHtml(block: string[]): string {
  if (block.every((l) => /^\s*[-*+]\s+/.test(l))) return list("ul", block, /^\s*[-*+]\s+/);
  if (block.every((l) => /^\s*\d+[.)]\s+/.test(l))) return list("ol", block, /^\s*\d+[.)]\s+/);
  if (block.every((l) => /^\s{0,3}>/.test(l))) {
    return `<blockquote><p>${inline(block.map((l) => l.replace(/^\s{0,3}>\s?/, "")).join(" "))}</p></blockquote>`;
  }
  return `<p>${inline(block.map((l) => l.trim()).join(" "))}</p>`;
}

function list(tag: "ul" | "ol", block: string[], marker: RegExp): string {
  return `<${tag}>${block.map((l) => `<li>${inline(l.replace(marker, ""))}</li>`).join("")}</${tag}>`;
}

/** Inline code first, then links, so nothing inside either is read as emphasis. */
function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : links(part)))
    .join("");
}

function links(text: string): string {
  return text
    .split(/(\[[^\]]+\]\(https?:\/\/[^\s)]+\))/)
    .map((part, i) => {
      const link = i % 2 === 1 ? /^\[([^\]]+)\]\((.+)\)$/.exec(part) : null;
      if (!link) return emphasis(escapeHtml(part));
      return `<a href="${escapeHtml(link[2] ?? "")}" rel="noreferrer">${emphasis(escapeHtml(link[1] ?? ""))}</a>`;
    })
    .join("");
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, "$1<em>$2</em>")
    .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, "$1<em>$2</em>");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
