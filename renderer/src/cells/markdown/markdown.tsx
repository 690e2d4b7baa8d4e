import type { ReactNode } from "react";
import { renderInline } from "./inline";

/**
 * A small, safe Markdown renderer for prose cells: ATX headings, paragraphs, emphasis, code spans and
 * fenced code, lists (nested by indentation), block quotes, rules and links. It builds React elements
 * and never sets innerHTML, so raw HTML in a cell is shown as text.
 * Headings move one level down (# → h2): the notebook title is the page's h1.
 */
type Block =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "code"; lang: string; text: string }
  | { type: "list"; ordered: boolean; items: Block[][] }
  | { type: "quote"; blocks: Block[] }
  | { type: "rule" };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] as string;
      const body: string[] = [];
      i++;
      while (
        i < lines.length &&
        !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(lines[i] as string)
      )
        body.push(lines[i++] as string);
      i++;
      blocks.push({ type: "code", lang: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: (heading[1] as string).length, text: heading[2] ?? "" });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] as string))
        body.push(QUOTE.exec(lines[i++] as string)?.[1] ?? "");
      blocks.push({ type: "quote", blocks: parseBlocks(body.join("\n")) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const consumed = parseList(lines, i);
      blocks.push(consumed.block);
      i = consumed.next;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] as string;
      if (
        l.trim() === "" ||
        FENCE.test(l) ||
        HEADING.test(l) ||
        RULE.test(l) ||
        QUOTE.test(l) ||
        ITEM.test(l)
      )
        break;
      para.push(l.trim());
      i++;
    }
    blocks.push({ type: "paragraph", text: para.join("\n") });
  }
  return blocks;
}

function parseList(lines: string[], start: number): { block: Block; next: number } {
  const first = ITEM.exec(lines[start] as string) as RegExpExecArray;
  const ordered = /\d/.test(first[2] as string);
  const indent = (first[1] as string).length;
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as string;
    const item = ITEM.exec(line);
    if (item && (item[1] as string).length === indent && /\d/.test(item[2] as string) === ordered) {
      items.push([item[3] as string]);
      i++;
      continue;
    }
    const current = items.at(-1);
    const leading = line.length - line.trimStart().length;
    if (current && line.trim() !== "" && leading > indent) {
      current.push(line.slice(Math.min(leading, indent + 2)));
      i++;
      continue;
    }
    break;
  }
  return {
    block: { type: "list", ordered, items: items.map((body) => parseBlocks(body.join("\n"))) },
    next: i,
  };
}

function renderBlock(block: Block, key: string): ReactNode {
  switch (block.type) {
    case "heading": {
      const level = Math.min(block.level + 1, 6);
      const Tag = `h${level}` as "h2";
      return <Tag key={key}>{renderInline(block.text, key)}</Tag>;
    }
    case "paragraph":
      return <p key={key}>{renderInline(block.text, key)}</p>;
    case "code":
      return (
        <pre key={key} className="md-code">
          <code {...(block.lang ? { "data-lang": block.lang } : {})}>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((blocks, n) => {
        const itemKey = `${key}.${n}`;
        // A single paragraph item is drawn without <p>, like a "tight" CommonMark list.
        const only = blocks.length === 1 && blocks[0]?.type === "paragraph" ? blocks[0] : undefined;
        return (
          <li key={itemKey}>{only ? renderInline(only.text, itemKey) : renderBlocks(blocks, itemKey)}</li>
        );
      });
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case "quote":
      return <blockquote key={key}>{renderBlocks(block.blocks, key)}</blockquote>;
    case "rule":
      return <hr key={key} />;
  }
}

function renderBlocks(blocks: Block[], prefix: string): ReactNode[] {
  return blocks.map((block, n) => renderBlock(block, `${prefix}.${n}`));
}

export function Markdown({ source }: { source: string }) {
  return <div className="markdown">{renderBlocks(parseBlocks(source), "b")}</div>;
}
