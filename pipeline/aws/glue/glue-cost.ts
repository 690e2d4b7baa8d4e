import type { JobRun } from "@aws-sdk/client-glue";

/**
 * What a Glue Spark job run costs: $0.44 per DPU-hour, billed per second with a 1-minute minimum
 * (Glue 2.0 and later, so 5.0 too). $0.44 is the us-east-1 list price and most regions'; some charge
 * more (e.g. ap-northeast-1, sa-east-1), so the figure is an estimate, labelled as one in the UI.
 * Pure: the cell shows the same arithmetic the tests check.
 */
export const USD_PER_DPU_HOUR = 0.44;
export const MINIMUM_BILLED_SECONDS = 60;

/** DPUs per worker; NumberOfWorkers counts the driver too, so all of them are billed. */
export const DPU_PER_WORKER: Record<string, number> = {
  "G.025X": 0.25,
  "G.1X": 1,
  "G.2X": 2,
  "G.4X": 4,
  "G.8X": 8,
  "G.12X": 12,
  "G.16X": 16,
};

export interface GlueRunCost {
  /** DPU-seconds used: Glue's own figure when it reports one, else execution time × DPUs. */
  dpuSeconds: number;
  /** DPU-seconds billed: at least one minute's worth. */
  billedDpuSeconds: number;
  costUsd: number;
}

/**
 * `DPUSeconds` is only reported for auto-scaling and Flex runs (the executors that actually ran);
 * otherwise every worker is billed for the whole ExecutionTime. Undefined when the worker type is
 * unknown (memory-optimized R.* workers are priced differently) or the run has no execution time.
 */
export function glueRunCost(
  run: Pick<JobRun, "DPUSeconds" | "ExecutionTime" | "WorkerType" | "NumberOfWorkers" | "MaxCapacity">,
): GlueRunCost | undefined {
  const seconds = run.ExecutionTime;
  const perWorker = run.WorkerType ? DPU_PER_WORKER[run.WorkerType] : undefined;
  const dpus =
    perWorker !== undefined && run.NumberOfWorkers !== undefined
      ? perWorker * run.NumberOfWorkers
      : run.WorkerType
        ? undefined
        : run.MaxCapacity;
  if (run.DPUSeconds !== undefined && run.DPUSeconds !== null) {
    // Glue's own measure of what ran; how the 1-minute minimum applies to a varying fleet is not
    // documented, so it is shown as reported rather than guessed at.
    return { dpuSeconds: run.DPUSeconds, billedDpuSeconds: run.DPUSeconds, costUsd: toUsd(run.DPUSeconds) };
  }
  if (seconds === undefined || dpus === undefined) return undefined;
  const dpuSeconds = seconds * dpus;
  const billedDpuSeconds = Math.max(seconds, MINIMUM_BILLED_SECONDS) * dpus;
  return { dpuSeconds, billedDpuSeconds, costUsd: toUsd(billedDpuSeconds) };
}

function toUsd(dpuSeconds: number): number {
  return (dpuSeconds / 3600) * USD_PER_DPU_HOUR;
}
