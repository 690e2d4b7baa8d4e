import { createHash } from "node:crypto";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../../../lake/atomic-write";

/**
 * The record that makes an S3 upload resumable: which multipart upload is ours and which of its
 * parts are stored. It lives beside the notebook in `.lakebook/ingest-uploads/` (run state, never
 * the lake, never the notebook) and is written after every part, atomically, so an interrupted
 * run leaves a checkpoint that describes exactly what S3 confirmed.
 */
export const CheckpointSchema = z.object({
  version: z.literal(1),
  bucket: z.string().min(1),
  /** The object's key in the bucket (with the lake's prefix). */
  key: z.string().min(1),
  uploadId: z.string().min(1),
  partSize: z.number().int().positive(),
  /** Size and SHA-256 of the source: a checkpoint only resumes the upload of the same bytes. */
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  startedAt: z.string(),
  parts: z.array(
    z.object({
      partNumber: z.number().int().min(1).max(10_000),
      etag: z.string().min(1),
      size: z.number().int().nonnegative(),
    }),
  ),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;
export type CheckpointPart = Checkpoint["parts"][number];

export const CHECKPOINT_FOLDER = "ingest-uploads";

/** One file per bucket and key: a rerun for the same object finds it, another object never does. */
export function checkpointPath(stateDir: string, bucket: string, key: string): string {
  const id = createHash("sha256").update(`${bucket}\n${key}`).digest("hex").slice(0, 24);
  return path.join(stateDir, CHECKPOINT_FOLDER, `${id}.json`);
}

/** The checkpoint at `file`, or undefined when there is none or it cannot be used (then the upload starts over). */
export async function readCheckpoint(file: string): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = CheckpointSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Written atomically: a crash mid-write leaves the previous checkpoint whole. Not fsynced (it is
 * written after every part): a checkpoint a power loss left unreadable is no checkpoint, and the
 * upload starts over.
 */
export async function writeCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const parts = [...checkpoint.parts].sort((a, b) => a.partNumber - b.partNumber);
  await writeFileAtomic(file, `${JSON.stringify({ ...checkpoint, parts }, null, 2)}\n`, { fsync: false });
}

export async function removeCheckpoint(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * A checkpoint being filled in while parts finish out of order: each `record` is written in turn,
 * never two writes at once, and `flushed` waits for the last one.
 */
export class CheckpointWriter {
  private chain: Promise<void> = Promise.resolve();
  private readonly parts = new Map<number, CheckpointPart>();

  constructor(
    readonly file: string,
    private readonly base: Omit<Checkpoint, "parts">,
    parts: readonly CheckpointPart[] = [],
  ) {
    for (const part of parts) this.parts.set(part.partNumber, part);
  }

  get uploadId(): string {
    return this.base.uploadId;
  }

  get stored(): CheckpointPart[] {
    return [...this.parts.values()].sort((a, b) => a.partNumber - b.partNumber);
  }

  record(part: CheckpointPart): Promise<void> {
    this.parts.set(part.partNumber, part);
    return this.save();
  }

  save(): Promise<void> {
    const snapshot: Checkpoint = { ...this.base, parts: this.stored };
    const next = this.chain.catch(() => undefined).then(() => writeCheckpoint(this.file, snapshot));
    this.chain = next;
    return next;
  }

  async flushed(): Promise<void> {
    await this.chain.catch(() => undefined);
  }
}
