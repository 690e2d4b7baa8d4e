import { CreateDataSetCommand } from "@aws-sdk/client-quicksight";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PublishOutput } from "../../../../pipeline/contract";
import { createPublishStage } from "../../../../pipeline/stages/publish";
import {
  allCalls,
  arnOf,
  cell,
  clients,
  context,
  DASHBOARD,
  firstPublishMocks,
  mocks,
  notebook,
  passingPreflight,
  REGION,
  resetMocks,
} from "./fixtures";

const PUBLISH = "dashboard: horror-subgenres\ncharts: [rating_by_subgenre, titles_by_kind, title_count]";
const stage = createPublishStage({ clients, sleep: async () => undefined });

beforeEach(() => {
  resetMocks();
  passingPreflight();
  mocks.quicksight.on(CreateDataSetCommand).callsFake((i: { DataSetId: string }) => ({
    Arn: arnOf("dataset", i.DataSetId),
  }));
});
afterEach(resetMocks);

function publishOutputOf(outcome: { output?: unknown }): PublishOutput {
  const output = outcome.output as PublishOutput | undefined;
  if (output?.type !== "publish") throw new Error("the publish cell gave no checklist");
  return output;
}

const stateOf = (output: PublishOutput) => output.steps.map((s) => `${s.kind} ${s.action} ${s.state}`);

describe("the publish as a checklist", () => {
  it("on a local target plans every step, and fails the analysis and dashboard a chart blocks", async () => {
    const layered = cell("layered", "chart", JSON.stringify({ layer: [] }), { source: "top_subgenres" });
    const nb = notebook(PUBLISH.replace("title_count]", "title_count, layered]"), [layered]);
    const output = publishOutputOf(await stage.run(nb.cells.at(-1) as never, context(nb, { kind: "local" })));
    expect(allCalls()).toHaveLength(0);
    expect(output.target).toBe("local");
    expect(output.dashboardUrl).toBeUndefined();
    expect(stateOf(output)).toEqual([
      "permissions check planned",
      "dataSource createOrUpdate planned",
      "dataSet createOrUpdate planned",
      "dataSet createOrUpdate planned",
      "dataSet createOrUpdate planned",
      "analysis createOrUpdate failed",
      "dashboard createOrUpdate failed",
    ]);
    const analysis = output.steps.find((s) => s.kind === "analysis");
    expect(analysis?.details).toContain("rating_by_subgenre → BarChartVisual");
    expect(analysis?.details.some((d) => d.startsWith("Cannot be translated: layered:"))).toBe(true);
    // The text report `lakebook run` prints is kept whole beside the checklist.
    expect(output.text).toContain("The QuickSight steps this click replaces:");
  });

  it("on AWS marks each step done with what AWS made of it, and links the dashboard", async () => {
    firstPublishMocks();
    const nb = notebook(PUBLISH);
    const output = publishOutputOf(await stage.run(nb.cells.at(-1) as never, context(nb)));
    expect(output.target).toBe("aws");
    expect(stateOf(output)).toEqual([
      "permissions check done",
      "dataSource created done",
      "dataSet created done",
      "dataSet created done",
      "dataSet created done",
      "analysis created done",
      "dashboard created done",
    ]);
    expect(output.dashboardUrl).toBe(
      `https://${REGION}.quicksight.aws.amazon.com/sn/dashboards/${DASHBOARD}`,
    );
    expect(output.steps.at(-1)?.name).toBe(arnOf("dashboard", DASHBOARD));
  });
});
