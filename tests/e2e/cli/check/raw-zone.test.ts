import { appendFile, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_KEY_ID } from "../../../helpers/example-aws-keys";
import { builtDemoCopy, expectFailing, rawMovies, rule } from "./built-demo";

/** Stage 1's rules (the RAW CSVs) and the credential rule, each failing on a sabotaged copy of the demo run. */
const demo = builtDemoCopy();

describe("stage 1 rules on a sabotaged lake", () => {
  it("fails raw.paths and raw.movies.path for an unpadded date folder, naming the padded one", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const file = await rawMovies(lake);
      const day = path.dirname(file);
      const unpadded = path.join(path.dirname(path.dirname(day)), "1", "5");
      await mkdir(unpadded, { recursive: true });
      await rename(file, path.join(unpadded, "movies.csv"));
    }, 1);
    expectFailing(result, ["raw.paths", "raw.movies.path", "raw.movies.identical"]);
    expect(rule(result, "raw.paths").evidence.join("\n")).toMatch(
      /1\/5 .*not zero-padded: expected \d{4}\/01\/05/,
    );
    expect(rule(result, "raw.paths").hint).toContain("zero-padded");
    expect(rule(result, "raw.movies.path").cellId).toBe("ingest_movies");
  });

  it("fails raw.paths for wrong casing, with the key spelled right", async () => {
    const result = await demo.checkCopy(async (_project, lake) => {
      const file = await rawMovies(lake);
      const wrong = file.replace(
        `${path.sep}CSV${path.sep}Movies${path.sep}`,
        `${path.sep}csv${path.sep}movies${path.sep}`,
      );
      await mkdir(path.dirname(wrong), { recursive: true });
      await rename(file, wrong);
    }, 1);
    expectFailing(result, ["raw.paths", "raw.movies.path", "raw.movies.identical"]);
    expect(rule(result, "raw.paths").evidence.join("\n")).toContain(
      'where the lake uses "Raw/Local/CSV/Movies"',
    );
  });

  it("fails raw.series.identical when the RAW object differs from the data file", async () => {
    const result = await demo.checkCopy(async (project) => {
      await appendFile(path.join(project, "data/series.csv"), "\n");
    }, 1);
    expectFailing(result, ["raw.series.identical"]);
    const evidence = rule(result, "raw.series.identical").evidence;
    expect(evidence[0]).toMatch(/^data\/series\.csv: [\d,]+ bytes/);
    expect(evidence[1]).toMatch(/^Raw\/Local\/CSV\/Series\/\d{4}\/\d{2}\/\d{2}\/series\.csv/);
  });
});

describe("the credential rule", () => {
  it("finds a planted AWS key in the project and a TMDB token in the lake, showing neither", async () => {
    const jwt = [
      "eyJhbGciOiJIUzI1NiJ9",
      "eyJhdWQiOiJjb3Vyc2UtdGVzdC1ub3QtcmVhbCJ9",
      "c2lnbmF0dXJlLW5vdC1yZWFs",
    ].join(".");
    const result = await demo.checkCopy(async (project, lake) => {
      await writeFile(path.join(project, "notes.txt"), `my keys\naws_access_key_id = ${EXAMPLE_KEY_ID}\n`);
      await mkdir(path.join(lake, "Refined/notes"), { recursive: true });
      await writeFile(path.join(lake, "Refined/notes/token.txt"), `Authorization: Bearer ${jwt}\n`);
    }, 1);
    expectFailing(result, ["project.no-credentials"]);
    const evidence = rule(result, "project.no-credentials").evidence.join("\n");
    expect(evidence).toContain("notes.txt:2: AWS access key id AKIA******** (20 characters)");
    expect(evidence).toMatch(/Refined\/notes\/token\.txt:1: TMDB read access token \(JWT\) eyJh\*+/);
    expect(evidence).not.toContain(EXAMPLE_KEY_ID);
    expect(evidence).not.toContain(jwt);
    expect(rule(result, "project.no-credentials").hint).toContain("revoke");
  });
});
