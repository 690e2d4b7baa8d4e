import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { S3Store } from "../../../../../pipeline/lake";
import type { StageContext } from "../../../../../pipeline/stages/stage";
import type { Selection } from "../../../../../pipeline/stages/tmdb/enrich";
import { runTmdbOnLambda } from "../../../../../pipeline/stages/tmdb/lambda";
import { enrichOnLambda } from "../../../../../pipeline/stages/tmdb/run-lambda-branch";
import { sampleSelection } from "../../../../../pipeline/stages/tmdb/run-plan";
import { parseTmdbSettings } from "../../../../../pipeline/stages/tmdb/settings";

/**
 * `sample: N` on the Lambda branch: the function is handed the same hash-picked titles the local
 * branch fetches (run-plan.test.ts checks the pick itself). The select and the function are
 * stand-ins here; what is under test is what the branch gives the function.
 */
const SELECTED: Selection = {
  titles: Array.from({ length: 2_000 }, (_, i) => ({ imdbId: `tt${String(2_000_000 + i)}`, kind: "movie" })),
  skipped: ["nm0000001"],
};

vi.mock("../../../../../pipeline/stages/tmdb/select-titles", () => ({
  selectTitles: vi.fn(async () => SELECTED),
}));
vi.mock("../../../../../pipeline/stages/tmdb/lambda", async (original) => ({
  ...(await original<object>()),
  runTmdbOnLambda: vi.fn(async () => ({ total: 0, files: [] })),
}));

const target = { kind: "aws" as const, bucket: "horror-lake", region: "eu-west-1", workgroup: "students" };
const LAMBDA = "lambda: { roleArn: arn:aws:iam::123456789012:role/lakebook-tmdb }";

function context(logs: string[]): StageContext {
  return {
    store: new S3Store({ bucket: "horror-lake", region: "eu-west-1" }),
    signal: new AbortController().signal,
    progress: () => undefined,
    log: (_level: string, text: string) => logs.push(text),
  } as unknown as StageContext;
}

async function titlesSentFor(source: string, logs: string[] = []) {
  const settings = parseTmdbSettings({ id: "tmdb_enrich", source: `${source}\n${LAMBDA}` });
  const lambda = settings.lambda as NonNullable<typeof settings.lambda>;
  const date = { year: 2026, month: 1, day: 5 };
  await enrichOnLambda("tmdb_enrich", { ...settings, lambda }, date, context(logs), target);
  const call = vi.mocked(runTmdbOnLambda).mock.calls.at(-1)?.[0];
  return { titles: call?.titles, skipped: call?.skipped };
}

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.TMDB_READ_ACCESS_TOKEN;
  process.env.TMDB_READ_ACCESS_TOKEN = "test-token";
  vi.mocked(runTmdbOnLambda).mockClear();
});
afterEach(() => {
  if (saved === undefined) delete process.env.TMDB_READ_ACCESS_TOKEN;
  else process.env.TMDB_READ_ACCESS_TOKEN = saved;
});

describe("the TMDB cell's Lambda branch takes sample: N", () => {
  it("hands the function the local branch's sample, and says so before it starts", async () => {
    const logs: string[] = [];
    const sent = await titlesSentFor("sample: 300", logs);
    expect(sent.titles).toHaveLength(300);
    expect(sent.titles).toEqual(sampleSelection(SELECTED, 300).titles);
    expect(sent.skipped).toEqual(SELECTED.skipped);
    expect(logs.join("\n")).toContain("300 of the 2,000 selected titles (sample)");
  });

  it("hands it every selected title without one", async () => {
    const sent = await titlesSentFor("requestsPerSecond: 40");
    expect(sent.titles).toEqual(SELECTED.titles);
  });
});
