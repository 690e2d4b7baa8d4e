import { describe, expect, it } from "vitest";
import { glueRunCost } from "../../../../pipeline/aws/glue";

describe("glueRunCost", () => {
  it("bills every worker for the execution time: G.1X × 2 for 5 minutes is 600 DPU-seconds", () => {
    const cost = glueRunCost({ WorkerType: "G.1X", NumberOfWorkers: 2, ExecutionTime: 300 });
    expect(cost?.dpuSeconds).toBe(600);
    expect(cost?.billedDpuSeconds).toBe(600);
    expect(cost?.costUsd).toBeCloseTo((600 / 3600) * 0.44, 10);
  });

  it("bills at least one minute", () => {
    const cost = glueRunCost({ WorkerType: "G.1X", NumberOfWorkers: 2, ExecutionTime: 25 });
    expect(cost?.dpuSeconds).toBe(50);
    expect(cost?.billedDpuSeconds).toBe(120);
    expect(cost?.costUsd).toBeCloseTo((120 / 3600) * 0.44, 10);
  });

  it.each([
    ["G.025X", 0.25],
    ["G.2X", 2],
    ["G.4X", 4],
    ["G.8X", 8],
  ] as const)("counts %s workers as %s DPU each", (WorkerType, perWorker) => {
    expect(glueRunCost({ WorkerType, NumberOfWorkers: 3, ExecutionTime: 100 })?.dpuSeconds).toBe(
      300 * perWorker,
    );
  });

  it("takes Glue's DPUSeconds when it reports them (auto scaling, Flex)", () => {
    const cost = glueRunCost({
      WorkerType: "G.1X",
      NumberOfWorkers: 10,
      ExecutionTime: 600,
      DPUSeconds: 1800,
    });
    expect(cost).toEqual({ dpuSeconds: 1800, billedDpuSeconds: 1800, costUsd: 0.22 });
  });

  it("falls back to MaxCapacity for jobs without a worker type, and knows nothing of unknown workers", () => {
    expect(glueRunCost({ MaxCapacity: 10, ExecutionTime: 120 })?.dpuSeconds).toBe(1200);
    expect(glueRunCost({ WorkerType: "R.1X", NumberOfWorkers: 2, ExecutionTime: 120 })).toBeUndefined();
    expect(glueRunCost({ WorkerType: "G.1X", NumberOfWorkers: 2 })).toBeUndefined();
  });
});
