import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { builtDemoCopy, expectFailing, readEnvelope, rule, tmdbFiles, writeEnvelope } from "./built-demo";

/** Stage 2's rules (the RAW TMDB files), each failing on a sabotaged copy of the demo run. */
const demo = builtDemoCopy();

describe("stage 2 rules on a sabotaged lake", () => {
  it("fails tmdb.limits for a file of 101 records", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const [first, second] = await tmdbFiles(lake);
      const file = await readEnvelope(first ?? "");
      const other = await readEnvelope(second ?? "");
      expect(file.records).toHaveLength(100);
      // A record from another file: 101 records, every one still a selected title, still one line.
      await writeEnvelope(first ?? "", { ...file, records: [...file.records, ...other.records.slice(0, 1)] });
      await writeEnvelope(second ?? "", { ...other, records: other.records.slice(1) });
    }, 2);
    expectFailing(result, ["tmdb.limits"]);
    expect(rule(result, "tmdb.limits").evidence[0]).toMatch(/tmdb-movies-0001\.json: 101 records/);
  });

  it("fails tmdb.one-structure for two JSON documents in one file", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const [first] = await tmdbFiles(lake);
      const { kind, records } = await readEnvelope(first ?? "");
      await writeFile(
        first ?? "",
        `${JSON.stringify({ kind, records: records.slice(0, 50) })}\n${JSON.stringify({ kind, records: records.slice(50) })}\n`,
      );
    }, 2);
    expect(rule(result, "tmdb.one-structure").pass).toBe(false);
    expect(rule(result, "tmdb.one-structure").evidence[0]).toContain("is not one JSON structure");
    expect(rule(result, "tmdb.one-structure").hint).toContain("json.dumps");
  });

  it("fails tmdb.one-structure for a top-level array and for a pretty-printed object, which Athena cannot read", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const [first, second] = await tmdbFiles(lake);
      await writeFile(first ?? "", JSON.stringify((await readEnvelope(first ?? "")).records));
      await writeFile(second ?? "", JSON.stringify(await readEnvelope(second ?? ""), null, 2));
    }, 2);
    expectFailing(result, ["tmdb.one-structure"]);
    expect(rule(result, "tmdb.one-structure").evidence).toEqual([
      expect.stringMatching(/tmdb-movies-0001\.json: is a top-level JSON array, which Athena cannot read/),
      expect.stringMatching(/tmdb-movies-0002\.json: spans several lines/),
    ]);
  });

  it("fails tmdb.imdb-id for a record keyed by title, and tmdb.selected for a title nobody selected", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const [first] = await tmdbFiles(lake);
      const file = await readEnvelope(first ?? "");
      delete file.records[0]?.imdb_id;
      if (file.records[1]) file.records[1].imdb_id = "tt9999999";
      await writeEnvelope(first ?? "", file);
    }, 2);
    expectFailing(result, ["tmdb.imdb-id", "tmdb.selected"]);
    expect(rule(result, "tmdb.imdb-id").evidence[0]).toMatch(/record 1: no imdb_id \(keys: /);
    expect(rule(result, "tmdb.imdb-id").hint).toContain("by title");
    expect(rule(result, "tmdb.selected").evidence).toContain("not selected: tt9999999");
  });
});
