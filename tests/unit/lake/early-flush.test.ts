import { describe, expect, it } from "vitest";
import { EarlyFlush } from "../../../pipeline/lake/early-flush";

/** A file whose flushes finish when the test says so. */
function fakeFile() {
  const flushes: { finish: () => void; fail: (error: Error) => void }[] = [];
  return {
    flushes,
    datasync: () =>
      new Promise<void>((finish, fail) => {
        flushes.push({ finish, fail });
      }),
  };
}

describe("early flushes of a large file being written", () => {
  it("start one flush per 16 MB written, never two at once", async () => {
    const file = fakeFile();
    const flush = new EarlyFlush(file, 16);
    flush.wrote(10);
    expect(file.flushes).toHaveLength(0);
    flush.wrote(10);
    expect(file.flushes).toHaveLength(1);
    flush.wrote(40); // the first flush still runs: no second one yet
    expect(file.flushes).toHaveLength(1);
    file.flushes[0]?.finish();
    await flush.settle();
    flush.wrote(16);
    expect(file.flushes).toHaveLength(2);
  });

  it("settle waits for the flush still running, so the file is never closed under it", async () => {
    const file = fakeFile();
    const flush = new EarlyFlush(file, 1);
    flush.wrote(1);
    let settled = false;
    const settling = flush.settle().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    file.flushes[0]?.finish();
    await settling;
    expect(settled).toBe(true);
  });

  it("a failed flush is thrown by settle, not lost and not unhandled", async () => {
    const file = fakeFile();
    const flush = new EarlyFlush(file, 1);
    flush.wrote(1);
    file.flushes[0]?.fail(Object.assign(new Error("no space"), { code: "ENOSPC" }));
    await expect(flush.settle()).rejects.toThrow("no space");
  });
});
