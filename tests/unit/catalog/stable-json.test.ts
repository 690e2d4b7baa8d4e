import { describe, expect, it } from "vitest";
import { stableJson } from "../../../pipeline/catalog";

describe("stableJson", () => {
  it("sorts keys at every depth, keeps array order, drops undefined, ends with a newline", () => {
    const text = stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } });
    expect(text).toBe(
      '{\n  "a": {\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it("gives the same text whatever order the keys were built in", () => {
    expect(stableJson({ x: 1, y: [{ b: 2, a: 1 }] })).toBe(stableJson({ y: [{ a: 1, b: 2 }], x: 1 }));
  });
});
