import { z } from "zod";
import {
  deleteObject,
  isConditionalConflict,
  isPreconditionFailed,
  putIfAbsent,
  readSmallObject,
  type S3Send,
} from "../../../aws/s3";
import { formatDateIso, type ProcessingDate } from "../../../lake";
import { LAKEBOOK_TMDB_ROOT } from "../enrich";

/**
 * One writer per checkpoint: an invocation of the TMDB function works on `<date>/<name>` only while
 * it holds `lease-<name>.json` beside the checkpoint. The lease is created with a conditional write
 * (`If-None-Match: *`), so of two invocations starting together exactly one gets it, and it carries
 * an expiry past the invocation's own time limit, so a holder that crashed (or was stopped by Lambda
 * at its timeout) never locks the checkpoint for longer than that. The holder deletes it when done.
 *
 * On S3-compatible servers that ignore conditional headers (s3rver), the read before the write
 * still turns away an invocation that starts while another one holds the lease.
 */
export function leaseKey(date: ProcessingDate, name: string): string {
  return `${LAKEBOOK_TMDB_ROOT}/${formatDateIso(date)}/lambda/lease-${name}.json`;
}

export const LeaseSchema = z.object({
  runId: z.string(),
  invocation: z.number().int(),
  takenAt: z.string(),
  expiresAt: z.string(),
});
export type Lease = z.infer<typeof LeaseSchema>;

export type LeaseOutcome = { taken: true; release: () => Promise<void> } | { taken: false; holder: Lease };

export interface LeaseTarget {
  client: S3Send;
  bucket: string;
  /** The lease's key in the bucket (with the lake's prefix). */
  key: string;
}

export async function takeLease(
  target: LeaseTarget,
  claim: { runId: string; invocation: number; holdMs: number },
  now: () => number = Date.now,
): Promise<LeaseOutcome> {
  const { client, bucket, key } = target;
  const lease: Lease = {
    runId: claim.runId,
    invocation: claim.invocation,
    takenAt: new Date(now()).toISOString(),
    expiresAt: new Date(now() + claim.holdMs).toISOString(),
  };
  let holder: Lease | undefined;
  // Twice at most: a lease left by a dead holder is cleared once, then claimed like a free one.
  for (let attempt = 0; attempt < 2; attempt++) {
    const found = await readSmallObject(client, { bucket, key });
    holder = found ? parseLease(found.text) : undefined;
    if (holder && Date.parse(holder.expiresAt) > now()) return { taken: false, holder };
    if (found) await deleteObject(client, { bucket, key });
    try {
      await putIfAbsent(client, {
        bucket,
        key,
        text: `${JSON.stringify(lease)}\n`,
        contentType: "application/json",
      });
      return { taken: true, release: () => releaseLease(target, lease) };
    } catch (error) {
      // Another invocation claimed it between our read and our write: read who, and step back.
      if (!isPreconditionFailed(error) && !isConditionalConflict(error)) throw error;
    }
  }
  const found = await readSmallObject(client, { bucket, key });
  const winner = found ? parseLease(found.text) : undefined;
  return { taken: false, holder: winner ?? holder ?? { ...lease, runId: "unknown", invocation: 0 } };
}

/** Deletes the lease if it is still this invocation's (best effort: it expires anyway). */
async function releaseLease(target: LeaseTarget, mine: Lease): Promise<void> {
  try {
    const found = await readSmallObject(target.client, { bucket: target.bucket, key: target.key });
    const current = found ? parseLease(found.text) : undefined;
    if (current?.runId === mine.runId && current.invocation === mine.invocation) {
      await deleteObject(target.client, { bucket: target.bucket, key: target.key });
    }
  } catch {
    // The expiry frees it.
  }
}

function parseLease(text: string): Lease | undefined {
  try {
    const parsed = LeaseSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
