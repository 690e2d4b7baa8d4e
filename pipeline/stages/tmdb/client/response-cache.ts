import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../../lake/atomic-write";

/**
 * Responses kept between runs, so a rerun with nothing new makes (almost) no requests. Keys are
 * request URLs WITHOUT credentials (the client never builds any other kind); only 200 answers are
 * stored.
 */
export interface ResponseCache {
  get(key: string): Promise<{ body: unknown } | undefined>;
  put(key: string, body: unknown): Promise<void>;
}

export const DEFAULT_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface CacheEntry {
  version: 1;
  key: string;
  storedAt: number;
  body: unknown;
}

/**
 * One JSON file per key (named by the key's SHA-256) in `folder`, written atomically
 * (lake/atomic-write). An entry older than `ttlMs`, or one that does not parse, is a miss and is
 * overwritten by the next put.
 */
export class FileResponseCache implements ResponseCache {
  constructor(
    readonly folder: string,
    private readonly ttlMs: number = DEFAULT_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  fileFor(key: string): string {
    return join(this.folder, `${createHash("sha256").update(key).digest("hex")}.json`);
  }

  async get(key: string): Promise<{ body: unknown } | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileFor(key), "utf8");
    } catch {
      return undefined;
    }
    const entry = parseEntry(text);
    // A different key in the file would be a hash collision or a hand edit: either way, not ours.
    if (!entry || entry.key !== key) return undefined;
    const age = this.now() - entry.storedAt;
    if (age < 0 || age > this.ttlMs) return undefined;
    return { body: entry.body };
  }

  async put(key: string, body: unknown): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const file = this.fileFor(key);
    const entry: CacheEntry = { version: 1, key, storedAt: this.now(), body };
    // No fsync: an entry a crash left unreadable is a miss, fetched again.
    await writeFileAtomic(file, JSON.stringify(entry), { fsync: false });
  }
}

function parseEntry(text: string): CacheEntry | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return undefined;
    const entry = value as Partial<CacheEntry>;
    if (entry.version !== 1 || typeof entry.key !== "string" || typeof entry.storedAt !== "number")
      return undefined;
    if (!("body" in entry)) return undefined;
    return entry as CacheEntry;
  } catch {
    return undefined;
  }
}
