import { describe, expect, it } from "vitest";
import {
  CONTRACT_VERSION,
  describeContract,
  LakebookError,
  methods,
  ServiceEventSchema,
  toServiceError,
} from "../../../pipeline/contract";

describe("service contract", () => {
  // An incompatible change to any method, event or the error shape changes this snapshot.
  // Update it deliberately (vitest -u) together with CONTRACT_VERSION.
  it("matches the recorded contract", () => {
    expect(describeContract()).toMatchSnapshot();
    expect(CONTRACT_VERSION).toBe(1);
  });

  it("validates params at the boundary", () => {
    expect(methods["query.page"].params.safeParse({ resultId: "r1", offset: -1, limit: 10 }).success).toBe(
      false,
    );
    expect(methods["cell.run"].params.safeParse({ cellId: "top_subgenres" }).success).toBe(true);
  });

  it("rejects unknown event kinds", () => {
    expect(ServiceEventSchema.safeParse({ type: "run.exploded", runId: "r" }).success).toBe(false);
  });

  it("turns any thrown value into the error shape", () => {
    const known = new LakebookError("SQL_CATALOG", "Table trusted.movies does not exist", {
      hint: "Run the transform cell that creates it.",
    });
    expect(toServiceError(known)).toEqual({
      code: "SQL_CATALOG",
      message: "Table trusted.movies does not exist",
      hint: "Run the transform cell that creates it.",
      retryable: false,
    });
    expect(toServiceError(new Error("boom"))).toEqual({
      code: "INTERNAL",
      message: "boom",
      retryable: false,
    });
  });
});
