import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEngineForLake } from "../../../pipeline/engine";

let base: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "lakebook-lakes-"));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe("openEngineForLake", () => {
  it("shares one engine per lake folder, and opens a new one after it is closed", async () => {
    const lake = path.join(base, "lake");
    const [first, again] = await Promise.all([
      openEngineForLake(lake, { threads: 1 }),
      openEngineForLake(`${lake}/../lake/`, { threads: 1 }),
    ]);
    expect(again).toBe(first);
    await first.run("CREATE TABLE shared AS SELECT 1 AS x");
    expect((await again.query("SELECT x FROM shared")).rows).toEqual([{ x: 1 }]);

    const other = await openEngineForLake(path.join(base, "other"), { threads: 1 });
    expect(other).not.toBe(first);

    await first.close();
    const reopened = await openEngineForLake(lake, { threads: 1 });
    expect(reopened).not.toBe(first);
    expect(reopened.isClosed).toBe(false);
    await Promise.all([reopened.close(), other.close()]);
  });
});
