import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatField, writeDelimitedFile } from "../../../../pipeline/lake/demo/csv-writer";
import { IdAllocator } from "../../../../pipeline/lake/demo/ids";
import { cleanTitle, parseReleaseYear } from "../../../../pipeline/lake/demo/movies-from-vega";
import { hash32, Rng } from "../../../../pipeline/lake/demo/random";

describe("parseReleaseYear", () => {
  it.each([
    ["Jun 12 1998", 1998],
    ["12-Jun-98", 1998],
    ["1998-06-12", 1998],
    ["6/12/98", 1998],
    ["Jul 16 2010", 2010],
    ["05-Mar-10", 2010],
    ["Dec 15 2039", 1939], // 2-digit year expanded into the wrong century by the source
    ["Feb 08 2015", 1915],
    ["21-Apr-33", 1933],
    [1962, 1962],
    ["Jun 12", null],
    ["", null],
    [null, null],
  ])("%j → %j", (raw, year) => {
    expect(parseReleaseYear(raw)).toBe(year);
  });
});

describe("cleanTitle", () => {
  it("coerces numeric titles and drops missing ones", () => {
    expect(cleanTitle(1776)).toBe("1776");
    expect(cleanTitle(null)).toBeNull();
    expect(cleanTitle("   ")).toBeNull();
  });

  it("repairs the source's Mac Roman mis-decoding and leaves genuine characters alone", () => {
    expect(cleanTitle("Le Fabuleux destin d'AmÈlie Poulain")).toBe("Le Fabuleux destin d'Amélie Poulain");
    expect(cleanTitle("The Naked Gun 2Ω: The Smell of Fear")).toBe("The Naked Gun 2½: The Smell of Fear");
    expect(cleanTitle("Per qualche dollaro in pi˘")).toBe("Per qualche dollaro in più");
    expect(cleanTitle("Alien³")).toBe("Alien³");
    expect(cleanTitle("Ri¢hie Ri¢h")).toBe("Ri¢hie Ri¢h");
  });

  it("strips characters that would break the format", () => {
    expect(cleanTitle("A|B\tC\r\nD")).toBe("A B C  D");
  });
});

describe("ids and randomness", () => {
  it("resolves collisions deterministically regardless of input order", () => {
    const keys = ["a", "b", "c", "a"];
    const first = new IdAllocator().allocateAll(keys);
    expect(new Set(first).size).toBe(4);
    const reversed = new IdAllocator().allocateAll([...keys].reverse());
    expect(new Set(reversed)).toEqual(new Set(first));
    expect(first[1]).toBe(reversed[2]);
  });

  it("is seeded, not random", () => {
    const draw = () => Array.from({ length: 5 }, (_, i) => new Rng(42 + i).int(0, 1000));
    expect(draw()).toEqual(draw());
    expect(hash32("tt0000009")).toBe(hash32("tt0000009"));
  });
});

describe("writeDelimitedFile", () => {
  it("formats nulls, empties and numbers", () => {
    expect(formatField(null)).toBe("\\N");
    expect(formatField("")).toBe("\\N");
    expect(formatField(7)).toBe("7");
    expect(() => formatField(Number.NaN)).toThrow(/non-finite/);
  });

  it("rejects a row of the wrong width and leaves no partial file behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lakebook-demo-writer-"));
    try {
      const path = join(dir, "x.csv");
      await writeDelimitedFile(path, ["a", "b"], [["1", 2]]);
      await expect(writeDelimitedFile(path, ["a", "b"], [["1", 2], ["only one"]])).rejects.toThrow(
        /data row 2 has 1 fields, expected 2/,
      );
      expect(await readdir(dir)).toEqual(["x.csv"]);
      expect(await readFile(path, "utf8")).toBe("a|b\n1|2\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
