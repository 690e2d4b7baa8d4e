import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalFolderStore } from "../../pipeline/lake";
import { findSourceFile, ingestCsvFiles } from "../../pipeline/stages/ingest";
import { validateChallengeCsv } from "../../pipeline/stages/ingest/csv";
import { readChunks } from "../../pipeline/stages/ingest/source-file";
import { challengeData } from "./full-scale/challenge-data";
import { measure } from "./measure";

type Figures = Record<string, number | string>;

/** MB per second of wall time and of this process's CPU time (what one core gives, on a busy machine too). */
async function throughput(bytes: number, work: () => Promise<unknown>): Promise<Figures> {
  const cpu = process.cpuUsage();
  const measured = await measure(work);
  const used = process.cpuUsage(cpu);
  const mb = bytes / 2 ** 20;
  return {
    ...measured,
    mb: Math.round(mb),
    mbPerS: Math.round(mb / (measured.ms / 1000)),
    mbPerCpuS: Math.round(mb / ((used.user + used.system) / 1e6)),
  };
}

/** The full-size movies.csv of the full-scale bench (generated once into the cache). */
const moviesCsv = async () => (await challengeData(1)).movies.file;

export const ingestScenarios: Record<string, () => Promise<Figures>> = {
  /** The validator alone: scan, row checks, UTF-8 and SHA-256 of the full-size movies.csv. */
  "ingest validator, full-size movies.csv": async () => {
    const file = await moviesCsv();
    const source = await findSourceFile("/", file);
    return throughput(source.size, () => validateChallengeCsv(readChunks(source), { fileName: file }));
  },
  /** Validation, SHA-256 and the atomic store in the local lake's one pass (no profile, no catalog). */
  "ingest one pass into the local lake, full-size movies.csv": async () => {
    const file = await moviesCsv();
    const source = await findSourceFile("/", file);
    const dir = await mkdtemp(path.join(tmpdir(), "lakebook-bench-ingest-"));
    try {
      return await throughput(source.size, () =>
        ingestCsvFiles({
          files: [source],
          date: { year: 2026, month: 11, day: 25 },
          store: new LocalFolderStore(path.join(dir, ".lake")),
          stateDir: path.join(dir, ".lakebook"),
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
