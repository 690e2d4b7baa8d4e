import { LakebookError } from "../../../contract";

/** The object that landed is not the source: it has been removed, and the step fails. */
export function verifyFailed(location: string, shown: string, difference: string): LakebookError {
  return new LakebookError(
    "INGEST_VERIFY_FAILED",
    `The object stored at ${location} does not match ${shown}: ${difference}. It was removed, so RAW holds no damaged copy.`,
    {
      hint: "Run the ingest again. If it fails again, check the disk or network, and that nothing else writes to this key.",
      retryable: true,
    },
  );
}
