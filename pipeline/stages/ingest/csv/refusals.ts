import { LakebookError } from "../../../contract/errors";

/**
 * The refusals: "this is not the challenge's dataset", so the caller writes nothing. Each has its
 * own code so the UI and the CLI can tell them apart; all share the `CSV_` prefix and
 * `isCsvRefusal` so a caller can tell a refusal from a failure (I/O, cancel).
 */
export const CSV_REFUSAL_CODES = [
  "CSV_EMPTY",
  "CSV_BINARY",
  "CSV_WRONG_DELIMITER",
  "CSV_WRONG_HEADER",
  "CSV_WRONG_DATASET",
] as const;
export type CsvRefusalCode = (typeof CSV_REFUSAL_CODES)[number];

export function refuse(code: CsvRefusalCode, fileName: string, message: string, hint: string): LakebookError {
  // The file as a param: the UI says the refusal in the user's language by code around it.
  return new LakebookError(code, `${fileName}: ${message}`, { hint, params: { file: fileName } });
}

export function isCsvRefusal(error: unknown): error is LakebookError {
  return error instanceof LakebookError && (CSV_REFUSAL_CODES as readonly string[]).includes(error.code);
}

export function cancelled(fileName: string): LakebookError {
  return new LakebookError("CANCELLED", `Validation of ${fileName} was cancelled.`, {
    hint: "Run the ingest again when you are ready; nothing was written.",
    retryable: true,
  });
}
