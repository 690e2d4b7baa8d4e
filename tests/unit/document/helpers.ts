import { expect } from "vitest";
import type { LakebookError } from "../../../pipeline/contract/errors";

/** The error `fn` throws; fails the test if it returns normally. */
export function thrownBy<E = LakebookError>(fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    return error as E;
  }
  expect.fail("expected an error to be thrown");
}

/** A notebook file from lines, with the final newline. */
export function file(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
