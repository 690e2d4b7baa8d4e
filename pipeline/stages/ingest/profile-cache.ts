import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { IngestColumnProfileSchema } from "../../contract";
import { writeFileAtomic } from "../../lake/atomic-write";
import type { CsvProfile } from "./profile";

/**
 * Profiles keyed by the file's SHA-256, in `.lakebook/ingest-profiles/`: a profile depends only on
 * the bytes, so rerunning the cell on a file already ingested (the common case) skips two DuckDB
 * scans of it (≈2.5 s for the 172 MB movies.csv). A cache, not a record: anything unreadable is
 * simply computed again. Bump PROFILE_VERSION when the profile's meaning changes.
 */
const PROFILE_VERSION = 1;
const ProfileSchema = z.object({
  rows: z.number().int().nonnegative(),
  columns: z.array(IngestColumnProfileSchema),
});

export async function cachedProfile(
  stateDir: string,
  sha256: string,
  compute: () => Promise<CsvProfile>,
): Promise<CsvProfile> {
  const file = path.join(stateDir, "ingest-profiles", `v${PROFILE_VERSION}-${sha256}.json`);
  try {
    const parsed = ProfileSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // No cached profile yet (or a damaged one): compute it.
  }
  const profile = await compute();
  try {
    await mkdir(path.dirname(file), { recursive: true });
    // No fsync: a cache a crash left unreadable is computed again.
    await writeFileAtomic(file, JSON.stringify(profile), { fsync: false });
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
  return profile;
}
