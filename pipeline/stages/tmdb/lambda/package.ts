import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { zipSync } from "fflate";
import { LakebookError } from "../../../contract";

/**
 * The Lambda's zip, built in memory from `handler.ts`: esbuild bundles it and everything it
 * imports into one `index.mjs`, and fflate zips that with fixed times and modes, so the same
 * sources give the same bytes and the zip's SHA-256 says whether Lambda's code is current.
 *
 * The AWS SDK is bundled too, not left to the runtime. Lambda's Node.js runtimes do include SDK v3,
 * but at a pinned older minor version that AWS advises against relying on in production, and the
 * lake's S3 client needs options (`requestChecksumCalculation`) and the SDK's `lib-storage` that
 * an older runtime copy may lack. Bundled, the function runs exactly the SDK the tests ran.
 */
export interface LambdaPackage {
  zip: Uint8Array;
  /** SHA-256 of the zip in base64: what Lambda reports as CodeSha256. */
  sha256: string;
  /** The bundle's size before zipping. */
  bundleBytes: number;
}

const ENTRY = fileURLToPath(new URL("./handler.ts", import.meta.url));
/** The repository root: paths esbuild writes into the bundle are relative to it, whatever the cwd. */
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
// Local midnight on purpose: zip stores local time, so this reads the same in every time zone.
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);
/** A regular file, rw-r--r--: Lambda reads the zip's Unix modes and must be able to read it. */
const FILE_MODE = 0o100644;
// An ES module bundle still meets CommonJS code that calls require() for Node's built-ins.
const REQUIRE_SHIM =
  'import { createRequire as __lakebookRequire } from "node:module";\nconst require = __lakebookRequire(import.meta.url);';

export async function packageTmdbLambda(): Promise<LambdaPackage> {
  let bundle: Uint8Array;
  try {
    const output = await build({
      entryPoints: [ENTRY],
      absWorkingDir: ROOT,
      bundle: true,
      platform: "node",
      // The lowest Node the bundle meets: Lambda's runtime and the tests that import it locally.
      target: "node20",
      format: "esm",
      outfile: "index.mjs",
      write: false,
      minify: true,
      keepNames: true,
      legalComments: "none",
      banner: { js: REQUIRE_SHIM },
      logLevel: "silent",
    });
    bundle = (output.outputFiles[0] as { contents: Uint8Array }).contents;
  } catch (error) {
    throw new LakebookError(
      "TMDB_LAMBDA_BUILD_FAILED",
      `The TMDB Lambda could not be bundled: ${(error as Error).message}`,
      {
        hint: "This is a Lakebook bug: the sources under pipeline/stages/tmdb do not bundle.",
      },
    );
  }
  const zip = zipSync(
    { "index.mjs": [bundle, { mtime: FIXED_TIME, os: 3, attrs: FILE_MODE << 16 }] },
    { level: 9, mtime: FIXED_TIME },
  );
  return { zip, sha256: createHash("sha256").update(zip).digest("base64"), bundleBytes: bundle.byteLength };
}

let cached: Promise<LambdaPackage> | undefined;

/** One build per process: the sources do not change under a running app. */
export function tmdbLambdaPackage(): Promise<LambdaPackage> {
  cached ??= packageTmdbLambda().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
