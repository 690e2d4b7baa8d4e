import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalFolderStore } from "../../pipeline/lake";
import { findSourceFile, ingestCsvFiles } from "../../pipeline/stages/ingest";
import { validateChallengeCsv } from "../../pipeline/stages/ingest/csv";
import { readChunksReusing } from "../../pipeline/stages/ingest/source-file";
import { challengeData } from "./full-scale/challenge-data";
import { measure } from "./measure";

type Figures = Record<string, number | string>;

/**
 * MB per second of wall time and of CPU time, the median of three runs: CPU of the whole process
 * (every thread, the kernel's reads and writes included: what one core has to give) and of the
 * main thread alone (the validation and hashing, while the thread pool reads and writes).
 */
async function throughput(bytes: number, work: () => Promise<unknown>): Promise<Figures> {
  const runs: Figures[] = [];
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    const mainBefore = mainThreadCpuMs();
    const measured = await measure(work);
    const used = process.cpuUsage(cpu);
    const mainMs = mainThreadCpuMs() - mainBefore;
    const mb = bytes / 2 ** 20;
    runs.push({
      ...measured,
      mb: Math.round(mb),
      mbPerS: Math.round(mb / (measured.ms / 1000)),
      mbPerCpuS: Math.round(mb / ((used.user + used.system) / 1e6)),
      mbPerMainThreadCpuS: Math.round(mb / (mainMs / 1000)),
    });
  }
  return runs.sort((a, b) => Number(a.mbPerCpuS) - Number(b.mbPerCpuS))[1] as Figures;
}

/** CPU time of the main thread so far (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms). */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The full-size movies.csv of the full-scale bench (generated once into the cache). */
const moviesCsv = async () => (await challengeData(1)).movies.file;

export const ingestScenarios: Record<string, () => Promise<Figures>> = {
  /** The validator alone: scan, row checks, UTF-8 and SHA-256 of the full-size movies.csv, read as the one pass reads it. */
  "ingest validator, full-size movies.csv": async () => {
    const file = await moviesCsv();
    const source = await findSourceFile("/", file);
    return throughput(source.size, () => validateChallengeCsv(readChunksReusing(source), { fileName: file }));
  },
  /** Validation, SHA-256 and the atomic store in the local lake's one pass (no profile, no catalog), each run into a new lake. */
  "ingest one pass into the local lake, full-size movies.csv": async () => {
    const file = await moviesCsv();
    const source = await findSourceFile("/", file);
    const dir = await mkdtemp(path.join(tmpdir(), "lakebook-bench-ingest-"));
    let run = 0;
    try {
      return await throughput(source.size, () => {
        const lake = path.join(dir, `run-${++run}`);
        return ingestCsvFiles({
          files: [source],
          date: { year: 2026, month: 11, day: 25 },
          store: new LocalFolderStore(path.join(lake, ".lake")),
          stateDir: path.join(lake, ".lakebook"),
        });
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
