import { LakebookError } from "../../../contract";

/**
 * The object that landed is not the source, and the step fails. It is removed only when it is the
 * object this run wrote (`removed`); anything else under the key (an earlier good copy, another
 * writer's object) is left alone.
 */
export function verifyFailed(
  location: string,
  shown: string,
  difference: string,
  removed = true,
): LakebookError {
  const after = removed
    ? "It was removed, so RAW holds no damaged copy."
    : "It is not the object this run wrote, so it was left in place.";
  return new LakebookError(
    "INGEST_VERIFY_FAILED",
    `The object stored at ${location} does not match ${shown}: ${difference}. ${after}`,
    {
      hint: "Run the ingest again. If it fails again, check the disk or network, and that nothing else writes to this key.",
      retryable: true,
    },
  );
}

/**
 * RAW is append-only, on both targets: the same bytes again is "already ingested" (nothing sent),
 * other bytes under a key that is taken are refused, never written over. Checked first (HeadObject
 * on S3, also on S3-compatible servers that ignore conditional headers; the file's presence in the
 * local lake) and guaranteed on S3 by writing with `If-None-Match: *` (412 PreconditionFailed when
 * something got there first). `removeIt` says how to remove the stored copy on this target.
 */
export function rawExists(
  location: string,
  shown: string,
  storedSha256: string | undefined,
  removeIt: string,
): LakebookError {
  const stored = storedSha256 ? ` (SHA-256 ${storedSha256.slice(0, 12)}…)` : "";
  return new LakebookError(
    "INGEST_RAW_EXISTS",
    `${location} already holds a different file${stored} than ${shown}: RAW is append-only, so Lakebook never replaces a file in it.`,
    {
      hint:
        "To add a corrected file, ingest it on another processing date (`date:` in the cell) or under another file name. " +
        `If the copy in RAW is wrong, remove it first (${removeIt}) and run the ingest again.`,
      retryable: false,
    },
  );
}

/** Another write to the same key raced this one (409 ConditionalRequestConflict): nothing of ours landed. */
export function writeConflict(location: string, shown: string, cause: unknown): LakebookError {
  return new LakebookError(
    "INGEST_WRITE_CONFLICT",
    `Something else wrote to ${location} while ${shown} was being stored, so S3 refused this upload.`,
    {
      hint: "Run the ingest again: it checks what is there first, and starts a fresh upload if the key is still free.",
      retryable: true,
      cause,
    },
  );
}
