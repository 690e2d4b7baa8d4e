import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assemble, moduleText, WASM_SOURCES } from "../../../scripts/build-wasm";

const root = new URL("../../../", import.meta.url);

describe("the committed WebAssembly", () => {
  for (const { source, module, constant } of WASM_SOURCES) {
    it(`${module} holds the bytes ${source} assembles to (run \`npm run build:wasm\` after editing it)`, async () => {
      const committed = readFileSync(new URL(module, root), "utf8");
      expect(committed).toBe(moduleText(source, constant, await assemble(source)));
    });
  }
});
