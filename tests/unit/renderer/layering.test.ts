import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Holds the renderer's layers: every import between two folders of `renderer/src` points down the
 * order written in `renderer/README.md` (the "Layers" block), and no folders import each other in a
 * loop. The order is read from the README, so the document and the check cannot drift apart.
 */

const root = resolve(import.meta.dirname, "../../..");
const src = join(root, "renderer", "src");
const ENTRY = "(entry)"; // main.tsx and the other files at the top of src/: above every folder.

/** The README's block, top to bottom; folders on one line (`a · b`) are peers that do not import each other. */
function readLayers(readme: string): string[][] {
  const block = /```text layers\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("renderer/README.md has no ```text layers block");
  return block
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter(Boolean)
    .map((line) => line.split("·").map((name) => name.trim().replace(/\/$/, "")));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file names: static imports and re-exports (types too), side-effect and dynamic imports. */
function importsOf(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const patterns = [
    /(?:^|[\n;])\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g,
    /(?:^|[\n;])\s*import\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...withoutComments.matchAll(pattern)].map((m) => m[1] as string));
}

/** The top folder of src/ a path is in; `../i18n` (a folder's index) is in i18n/. */
const folderOf = (path: string) => {
  const parts = relative(src, path).split(sep);
  const isFolder = parts.length === 1 && existsSync(path) && statSync(path).isDirectory();
  return parts.length > 1 || isFolder ? (parts[0] as string) : ENTRY;
};

interface FolderImport {
  file: string;
  specifier: string;
  from: string;
  to: string;
}

function folderImports(): FolderImport[] {
  return sourceFiles(src).flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => ({ file, specifier, target: resolve(dirname(file), specifier) }))
      // Imports leaving renderer/src (pipeline/contract, pipeline/document) are Biome's to police.
      .filter(({ target }) => !relative(src, target).startsWith(".."))
      .map(({ file, specifier, target }) => ({
        file: relative(root, file),
        specifier,
        from: folderOf(file),
        to: folderOf(target),
      }))
      .filter(({ from, to }) => from !== to),
  );
}

/** Upward or sideways imports, each said as what to do about it. */
function orderViolations(imports: readonly FolderImport[], layers: readonly string[][]): string[] {
  const rank = new Map<string, number>([[ENTRY, -1]]);
  layers.forEach((folders, n) => {
    for (const folder of folders) rank.set(folder, n);
  });
  const below = (n: number) =>
    layers
      .slice(n + 1)
      .flat()
      .join(", ");
  return imports.flatMap(({ file, specifier, from, to }) => {
    const a = rank.get(from);
    const b = rank.get(to);
    if (a === undefined || b === undefined) return [];
    if (b > a) return [];
    const why =
      b === a
        ? `${from}/ and ${to}/ are peers on one layer and do not import each other`
        : `${to}/ is above ${from}/`;
    return [
      `${file} imports "${specifier}" (${to}/): ${why}. Imports point down only: ${from}/ may import ` +
        `${below(a) || "nothing in src/"}. Move what it needs down (shared types and stores to state/, ` +
        `shared widgets to ui/), or move this file up into ${to}/ or a layer above it.`,
    ];
  });
}

/** Folder loops (strongly connected groups of folders), each with one import per step. */
function folderCycles(imports: readonly FolderImport[]): string[] {
  const edges = new Map<string, Map<string, FolderImport>>();
  for (const edge of imports) {
    const out = edges.get(edge.from) ?? new Map<string, FolderImport>();
    if (!out.has(edge.to)) out.set(edge.to, edge);
    edges.set(edge.from, out);
  }
  const cycles: string[] = [];
  const done = new Set<string>();
  const visit = (folder: string, path: string[]) => {
    const at = path.indexOf(folder);
    if (at >= 0) {
      const loop = [...path.slice(at), folder];
      const steps = loop.slice(1).map((to, n) => {
        const edge = edges.get(loop[n] as string)?.get(to) as FolderImport;
        return `${edge.file} → "${edge.specifier}"`;
      });
      cycles.push(`folder loop ${loop.join(" → ")}: ${steps.join("; ")}`);
      return;
    }
    if (done.has(folder)) return;
    for (const next of edges.get(folder)?.keys() ?? []) visit(next, [...path, folder]);
    done.add(folder);
  };
  for (const folder of edges.keys()) visit(folder, []);
  return cycles;
}

describe("renderer layers", () => {
  const layers = readLayers(readFileSync(join(root, "renderer", "README.md"), "utf8"));
  const imports = folderImports();

  it("places every folder of renderer/src in the README's order, once", () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...layers.flat()].sort()).toEqual(folders);
  });

  it("finds the imports it checks (the parser has not gone blind)", () => {
    expect(imports.length).toBeGreaterThan(50);
    expect(imports).toContainEqual(expect.objectContaining({ from: "cells", to: "state" }));
  });

  it("has every import between folders point down the order", () => {
    expect(orderViolations(imports, layers)).toEqual([]);
  });

  it("has no loop between folders", () => {
    expect(folderCycles(imports)).toEqual([]);
  });
});

describe("the layering check itself", () => {
  const layers = [["app"], ["cells", "deps"], ["state"]];
  const edge = (from: string, to: string, specifier = `../${to}/x`) => ({
    file: `renderer/src/${from}/F.tsx`,
    specifier,
    from,
    to,
  });

  it("names the file, the import and the way to go for an upward import", () => {
    const [message] = orderViolations([edge("state", "app", "../app/create-workbench")], layers);
    expect(message).toContain('renderer/src/state/F.tsx imports "../app/create-workbench" (app/)');
    expect(message).toContain("app/ is above state/");
    expect(message).toContain("Imports point down only: state/ may import nothing in src/");
  });

  it("refuses imports between peers and accepts downward ones", () => {
    expect(orderViolations([edge("cells", "deps")], layers)).toHaveLength(1);
    expect(orderViolations([edge("app", "cells"), edge("cells", "state")], layers)).toEqual([]);
  });

  it("reports a loop with one import per step", () => {
    const [loop] = folderCycles([edge("cells", "state"), edge("state", "app"), edge("app", "cells")]);
    expect(loop).toMatch(/^folder loop (\w+ → ){3}\w+: /);
    expect(loop).toContain('renderer/src/state/F.tsx → "../app/x"');
  });

  it("reads imports of every form and skips comments", () => {
    const code = [
      'import type { A } from "../state/a";',
      "import {\n  b,\n  c,\n} from './b';",
      'export { d } from "../ui/d";',
      'import "./e.css";',
      'const f = () => import("../cells/f");',
      '// import { g } from "../app/g";',
      '/** import { h } from "../app/h"; */',
      "/* it may import only the contract */ const s = 'x'; // from \"../app/i\"",
    ].join("\n");
    expect(importsOf(code)).toEqual(["../state/a", "./b", "../ui/d", "./e.css", "../cells/f"]);
  });
});
