import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { CourseRuleResult } from "../contract";
import { DATASET_FOLDER, type Dataset, describeKey, explainKeyProblem, type ObjectInfo } from "../lake";
import { ingestSources } from "./cells";
import { type CourseLake, listAll } from "./lake-view";
import { failed, firstFew, type Line, passed, say, verdict } from "./rule";

const DATASETS: Dataset[] = ["movies", "series"];

/**
 * Stage 1: both CSVs in RAW under `Raw/Local/CSV/<Movies|Series>/YYYY/MM/DD/<file>` exactly, and
 * byte-identical to the files the ingest cells name. Path reading is pipeline/lake's key-reading.
 */
export async function checkRawCsv(lake: CourseLake): Promise<CourseRuleResult[]> {
  const objects = await listAll(lake.store, "Raw/");
  const sources = ingestSources(lake.notebook);
  const ingestCell = sources[0]?.cellId;
  const rules: CourseRuleResult[] = [rawPathsRule(objects, ingestCell)];
  for (const dataset of DATASETS) {
    const source = sources.find((s) => s.dataset === dataset);
    const placed = objects.filter((o) => {
      const described = describeKey(o.key);
      return described?.source === "Local" && described.dataset === dataset;
    });
    rules.push(presentRule(dataset, placed, objects, source?.cellId ?? ingestCell));
    rules.push(await identicalRule(dataset, placed, source, lake));
  }
  return rules;
}

/** Every key under Raw/ follows the conventions; the explanation names the mistake and the fix. */
function rawPathsRule(objects: ObjectInfo[], cellId: string | undefined): CourseRuleResult {
  const problems = objects.flatMap((o) => {
    const problem = explainKeyProblem(o.key);
    return problem ? [problem] : [];
  });
  const title =
    "Every RAW object follows Raw/Local/CSV/<Movies|Series>/YYYY/MM/DD/ or Raw/TMDB/JSON/YYYY/MM/DD/";
  if (objects.length === 0) {
    return failed("raw.paths", 1, title, [say("raw.paths.empty")], say("raw.paths.hint.empty"), cellId);
  }
  return verdict(
    problems.length === 0,
    "raw.paths",
    1,
    title,
    problems.length === 0 ? [say("raw.paths.ok", { n: objects.length })] : firstFew(problems),
    say("raw.paths.hint"),
    cellId,
  );
}

function presentRule(
  dataset: Dataset,
  placed: ObjectInfo[],
  all: ObjectInfo[],
  cellId: string | undefined,
): CourseRuleResult {
  const file = `${dataset}.csv`;
  const id = `raw.${dataset}.path`;
  const title = `${file} is in RAW under Raw/Local/CSV/${DATASET_FOLDER[dataset]}/YYYY/MM/DD/${file}`;
  const exact = placed.filter((o) => o.key.endsWith(`/${file}`));
  if (exact.length > 0) {
    return passed(
      id,
      1,
      title,
      exact.map((o) => say("raw.object", { key: o.key, bytes: o.size })),
      cellId,
    );
  }
  const lookalikes: Line[] = all
    .filter((o) => o.key.toLowerCase().includes(dataset))
    .map((o) => {
      const problem = explainKeyProblem(o.key);
      return problem
        ? say("raw.lookalike", { key: o.key, problem })
        : say("raw.lookalike.name", { key: o.key });
    });
  return failed(
    id,
    1,
    title,
    lookalikes.length > 0 ? firstFew(lookalikes) : [say("raw.missing", { file })],
    say("raw.path.hint", { file, folder: DATASET_FOLDER[dataset] }),
    cellId,
  );
}

/** Size first (cheap), then SHA-256 of both streams: the challenge wants the files unmodified. */
async function identicalRule(
  dataset: Dataset,
  placed: ObjectInfo[],
  source: { cellId: string; file: string } | undefined,
  lake: CourseLake,
): Promise<CourseRuleResult> {
  const id = `raw.${dataset}.identical`;
  const title = `RAW ${dataset}.csv is byte-identical to the notebook's data file`;
  const hint = say("raw.identical.hint");
  if (!source) {
    return failed(id, 1, title, [say("raw.identical.no-cell", { dataset })], hint);
  }
  const newest = placed.filter((o) => o.key.endsWith(`/${dataset}.csv`)).at(-1) ?? placed.at(-1);
  const local = path.resolve(lake.baseDir, source.file);
  const localSize = await stat(local).then(
    (s) => s.size,
    () => undefined,
  );
  if (!newest || localSize === undefined) {
    const missing = !newest
      ? say("raw.identical.no-object", { dataset })
      : say("raw.identical.unreadable", { file: source.file });
    return failed(id, 1, title, [missing], hint, source.cellId);
  }
  if (localSize !== newest.size) {
    const evidence = [
      say("raw.file", { file: source.file, bytes: localSize }),
      say("raw.file", { file: newest.key, bytes: newest.size }),
    ];
    return failed(id, 1, title, evidence, hint, source.cellId);
  }
  const [localHash, rawHash] = await Promise.all([
    sha256(createReadStream(local)),
    lake.store.get(newest.key).then(sha256),
  ]);
  const evidence = [
    say("raw.file.hash", { file: source.file, bytes: localSize, sha256: localHash }),
    say("raw.file.hash", { file: newest.key, bytes: newest.size, sha256: rawHash }),
  ];
  return verdict(localHash === rawHash, id, 1, title, evidence, hint, source.cellId);
}

async function sha256(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest("hex");
}
