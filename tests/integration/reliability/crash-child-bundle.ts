import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Loader, type Plugin, transform } from "esbuild";

const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const fromRoot = createRequire(path.join(ROOT, "package.json"));

/**
 * Bundles crash-child.ts with the whole pipeline and its npm packages into one ES module in `folder`
 * (a folder of the calling test's own: nothing is shared between test processes).
 *
 * Why: every kill needs a fresh Node process, and one that compiles the pipeline through tsx
 * spends about three times the CPU of one that loads a single bundle before doing any work.
 * Only DuckDB's native binding and esbuild stay outside, loaded from node_modules by absolute path.
 */
export async function bundleCrashChild(folder: string): Promise<string> {
  const outfile = path.join(folder, "crash-child.mjs");
  await build({
    entryPoints: [CHILD],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    plugins: [fromNodeModules, ownFileNames],
    // A package's dynamic `require(name)` resolves from the repository, as it would unbundled.
    banner: {
      js: `import { createRequire as __childRequire } from "node:module";\nconst require = __childRequire(${JSON.stringify(path.join(ROOT, "package.json"))});`,
    },
  });
  return outfile;
}

/**
 * Left to node_modules, required at run time: DuckDB's native binding (a `.node` file and its
 * loader), and esbuild (the Lambda packager's; it finds its own binary from its install folder).
 */
const fromNodeModules: Plugin = {
  name: "from-node-modules",
  setup(builder) {
    builder.onResolve({ filter: /^(@duckdb\/node-bindings|esbuild)$/ }, (args) => ({
      path: fromRoot.resolve(args.path),
      external: true,
    }));
  },
};

const LOADERS: Record<string, Loader> = { ".ts": "ts", ".js": "js", ".mjs": "js", ".cjs": "js" };

/**
 * Modules find their files from `import.meta.url`, `__dirname` and `__filename` (the demo's
 * notebook, the Spark runner, the chart schema, the demo data): in one bundle they would all
 * name the bundle, so each module gets its own source file's names, as unbundled.
 */
const ownFileNames: Plugin = {
  name: "own-file-names",
  setup(builder) {
    builder.onLoad({ filter: /\.(ts|js|mjs|cjs)$/ }, async (args) => {
      const loader = LOADERS[path.extname(args.path)];
      const source = await readFile(args.path, "utf8");
      if (!loader || !/import\.meta|__dirname|__filename/.test(source)) return undefined;
      // `define` rewrites code only, never the text inside string literals; the module format stays.
      const { code } = await transform(source, {
        loader,
        sourcefile: args.path,
        define: {
          "import.meta.url": JSON.stringify(pathToFileURL(args.path).href),
          "import.meta.dirname": JSON.stringify(path.dirname(args.path)),
          "import.meta.filename": JSON.stringify(args.path),
          __dirname: JSON.stringify(path.dirname(args.path)),
          __filename: JSON.stringify(args.path),
        },
      });
      return { contents: code, loader: "js", resolveDir: path.dirname(args.path) };
    });
  },
};
