import { describe, expect, it } from "vitest";
import { type CreationState, waitForCreation } from "../../../../pipeline/aws/quicksight";
import { LakebookError } from "../../../../pipeline/contract";

function answers(...states: CreationState[]) {
  const sleeps: number[] = [];
  const statuses: string[] = [];
  let call = 0;
  const options = {
    what: "the dashboard d (version 2)",
    describe: async () => states[Math.min(call++, states.length - 1)] as CreationState,
    sleep: async (ms: number) => void sleeps.push(ms),
    onStatus: (status: string) => void statuses.push(status),
  };
  return { options, sleeps, statuses };
}
const state = (status: string, errors: CreationState["errors"] = []): CreationState => ({ status, errors });

describe("waitForCreation", () => {
  it("polls through *_IN_PROGRESS with growing waits until *_SUCCESSFUL", async () => {
    const { options, sleeps, statuses } = answers(
      state("CREATION_IN_PROGRESS"),
      state("CREATION_IN_PROGRESS"),
      state("UPDATE_IN_PROGRESS"),
      state("UPDATE_SUCCESSFUL"),
    );
    await expect(waitForCreation(options)).resolves.toBe("UPDATE_SUCCESSFUL");
    expect(sleeps).toEqual([1000, 1500, 2250]);
    expect(statuses).toEqual([
      "CREATION_IN_PROGRESS",
      "CREATION_IN_PROGRESS",
      "UPDATE_IN_PROGRESS",
      "UPDATE_SUCCESSFUL",
    ]);
  });

  it("*_FAILED throws with every error QuickSight listed", async () => {
    const { options } = answers(
      state("CREATION_FAILED", [{ Type: "COLUMN_TYPE_MISMATCH", Message: "votes" }, { Message: "second" }]),
    );
    const error = (await waitForCreation(options).catch((e: unknown) => e)) as LakebookError;
    expect(error.code).toBe("QUICKSIGHT_CREATION_FAILED");
    expect(error.message).toBe(
      "QuickSight could not build the dashboard d (version 2) (CREATION_FAILED):\n- COLUMN_TYPE_MISMATCH: votes\n- ERROR: second",
    );
  });

  // Describe* answers carry Errors beside Status (DashboardVersion.Errors, Analysis.Errors:
  // https://docs.aws.amazon.com/quicksight/latest/APIReference/API_DashboardVersion.html,
  // https://docs.aws.amazon.com/quicksight/latest/APIReference/API_Analysis.html): a version that
  // built "successfully" with a column error shows broken visuals, so it is not a success.
  it("*_SUCCESSFUL that still lists Errors throws with them", async () => {
    const { options } = answers(
      state("CREATION_IN_PROGRESS"),
      state("CREATION_SUCCESSFUL", [{ Type: "COLUMN_TYPE_MISMATCH", Message: "release_year is not a date" }]),
    );
    const error = (await waitForCreation(options).catch((e: unknown) => e)) as LakebookError;
    expect(error).toBeInstanceOf(LakebookError);
    expect(error.code).toBe("QUICKSIGHT_CREATION_FAILED");
    expect(error.message).toBe(
      "QuickSight could not build the dashboard d (version 2) (CREATION_SUCCESSFUL, with errors):\n- COLUMN_TYPE_MISMATCH: release_year is not a date",
    );
  });

  it("gives up after maxPolls (retryable) and stops when cancelled", async () => {
    const { options } = answers(state("CREATION_IN_PROGRESS"));
    const timeout = (await waitForCreation({ ...options, maxPolls: 3 }).catch(
      (e: unknown) => e,
    )) as LakebookError;
    expect([timeout.code, timeout.retryable]).toEqual(["QUICKSIGHT_TIMEOUT", true]);
    const controller = new AbortController();
    controller.abort();
    const cancelled = (await waitForCreation({ ...options, signal: controller.signal }).catch(
      (e: unknown) => e,
    )) as LakebookError;
    expect(cancelled.code).toBe("CANCELLED");
  });
});
