import type { CourseResetItem, CourseResetPlan, CourseStage } from "../contract";
import { LakebookError } from "../contract";
import { RAW_CSV_ROOT, RAW_TMDB_ROOT, ZONE_FOLDER } from "../lake";
import type { CourseLake } from "./lake-view";
import { listAll } from "./lake-view";

const KEPT = [`${RAW_CSV_ROOT}/ (the RAW CSV sources are never removed)`];

/**
 * What resetting a stage removes: stage 2 its TMDB files and `raw.tmdb`; stage 3 its TRUSTED and REFINED tables
 * (catalog entries and files). Stage 1's output is the RAW CSV sources, which are never removed,
 * and stage 4 keeps nothing in the lake, so their plans are empty. Nothing is removed here.
 */
export async function resetPlan(lake: CourseLake, stage: CourseStage): Promise<CourseResetPlan> {
  const items: CourseResetItem[] = [];
  const folder = async (prefix: string) => {
    const objects = await listAll(lake.store, prefix);
    if (objects.length > 0) {
      items.push({
        kind: "objects",
        prefix,
        count: objects.length,
        bytes: objects.reduce((n, o) => n + o.size, 0),
      });
    }
  };
  if (stage === 2) {
    // The TMDB cell's catalog table over those files (raw.tmdb) goes with them.
    for (const table of await lake.catalog.list()) {
      if (table.zone === "raw" && table.location.startsWith(`${RAW_TMDB_ROOT}/`)) {
        items.push({ kind: "table", name: `${table.database}.${table.name}`, location: table.location });
      }
    }
    await folder(`${RAW_TMDB_ROOT}/`);
  }
  if (stage === 3) {
    for (const table of await lake.catalog.list()) {
      if (table.zone === "trusted" || table.zone === "refined") {
        items.push({ kind: "table", name: `${table.database}.${table.name}`, location: table.location });
      }
    }
    await folder(`${ZONE_FOLDER.trusted}/`);
    await folder(`${ZONE_FOLDER.refined}/`);
  }
  return { stage, items, kept: KEPT };
}

/**
 * Removes exactly what the confirmed plan listed. The plan is made again first: when the lake
 * changed since the user saw it (a run wrote more files), nothing is removed and they are asked again.
 */
export async function resetStage(
  lake: CourseLake,
  stage: CourseStage,
  confirmed: CourseResetItem[],
): Promise<{ removedObjects: number; removedTables: string[] }> {
  const plan = await resetPlan(lake, stage);
  if (canonical(plan.items) !== canonical(confirmed)) {
    throw new LakebookError(
      "COURSE_RESET_CHANGED",
      `What stage ${stage} produced changed since the reset was confirmed.`,
      {
        hint: "Look at the new list and confirm again; nothing was removed.",
      },
    );
  }
  let removedObjects = 0;
  const removedTables: string[] = [];
  for (const item of plan.items) {
    if (item.kind === "table") {
      const [database = "", name = ""] = item.name.split(".");
      await lake.catalog.remove(database, name);
      removedTables.push(item.name);
      continue;
    }
    // The RAW CSV sources are the one thing a reset may never touch, whatever a plan says.
    if (item.prefix.startsWith(`${RAW_CSV_ROOT}/`) || `${RAW_CSV_ROOT}/`.startsWith(item.prefix)) continue;
    for (const object of await listAll(lake.store, item.prefix)) {
      await lake.store.delete(object.key);
      removedObjects += 1;
    }
  }
  if (removedTables.length > 0) await lake.refreshCatalog?.();
  return { removedObjects, removedTables };
}

function canonical(items: CourseResetItem[]): string {
  return JSON.stringify(
    items
      .map((item) =>
        item.kind === "table"
          ? ["table", item.name, item.location]
          : ["objects", item.prefix, item.count, item.bytes],
      )
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  );
}
