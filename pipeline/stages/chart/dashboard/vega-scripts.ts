import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/** The browser builds inlined into a dashboard, in load order. */
export interface VegaScripts {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
  /** vega-interpreter as a classic script: `self.vegaExpressionInterpreter`. */
  interpreter: string;
}

let cached: Promise<VegaScripts> | undefined;

/**
 * The minified UMD builds from node_modules. Their packages do not export these files, so each is
 * found beside the package's main entry. The interpreter evaluates Vega expressions without
 * `eval`/`new Function`, which lets the dashboard's CSP forbid both.
 */
export function vegaScripts(): Promise<VegaScripts> {
  cached ??= load();
  return cached;
}

async function load(): Promise<VegaScripts> {
  const require = createRequire(import.meta.url);
  const beside = (entry: string, file: string) => path.join(path.dirname(entry), file);
  const vegaEntry = require.resolve("vega");
  const read = (file: string) => readFile(file, "utf8");
  const [vega, vegaLite, vegaEmbed, interpreterModule] = await Promise.all([
    read(beside(vegaEntry, "vega.min.js")),
    read(beside(require.resolve("vega-lite"), "vega-lite.min.js")),
    read(beside(require.resolve("vega-embed"), "vega-embed.min.js")),
    // vega depends on vega-interpreter; resolve it from there, as installed.
    read(createRequire(vegaEntry).resolve("vega-interpreter")),
  ]);
  return {
    vega: withoutSourceMap(vega),
    vegaLite: withoutSourceMap(vegaLite),
    vegaEmbed: withoutSourceMap(vegaEmbed),
    interpreter: withoutSourceMap(classicInterpreter(interpreterModule)),
  };
}

/** A self-contained file has no maps beside it; developer tools would only report them missing. */
function withoutSourceMap(script: string): string {
  return script.replace(/^\/\/# sourceMappingURL=.*$/gm, "");
}

/**
 * vega-interpreter ships only as an ES module importing vega-util, whose functions the vega build
 * re-exports: the import becomes a read of the `vega` global and the export a global of its own.
 */
function classicInterpreter(module: string): string {
  const imports = /^import\s*\{([^}]*)\}\s*from\s*['"]vega-util['"];?$/m;
  const exports = /^export\s*\{\s*(\w+)\s+as\s+expressionInterpreter\s*\};?$/m;
  const names = imports.exec(module)?.[1];
  const local = exports.exec(module)?.[1];
  if (
    names === undefined ||
    local === undefined ||
    /^\s*(import|export)\b/m.test(module.replace(imports, "").replace(exports, ""))
  ) {
    throw new Error("vega-interpreter's build changed shape: cannot inline it as a classic script.");
  }
  const destructure = names.replace(/\bas\b/g, ":");
  const body = module.replace(imports, `const {${destructure}} = self.vega;`).replace(exports, "");
  return `(function () {\n${body}\nself.vegaExpressionInterpreter = ${local};\n})();`;
}
