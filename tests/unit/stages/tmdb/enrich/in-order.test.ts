import { describe, expect, it } from "vitest";
import { InOrder } from "../../../../../pipeline/stages/tmdb/enrich/in-order";

describe("InOrder", () => {
  it("releases items in the order they were taken, skipping those with nothing to hand on", () => {
    const released: string[] = [];
    const inOrder = new InOrder<string>((item) => released.push(item));
    inOrder.settle(2, "c");
    inOrder.settle(1, undefined);
    expect(released).toEqual([]);
    inOrder.settle(0, "a");
    expect(released).toEqual(["a", "c"]);
    inOrder.settle(4, "e");
    inOrder.settle(3, "d");
    expect(released).toEqual(["a", "c", "d", "e"]);
  });
});
