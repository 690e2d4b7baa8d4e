import { z } from "zod";
import { LakebookError } from "../../contract";
import type { Cell, Target } from "../../document";
import { readCellSettings } from "../cell-settings";

/**
 * The publish cell's YAML body:
 *
 *     dashboard: horror-subgenres          # the dashboard's name; its id derives from it
 *     charts: [rating_by_subgenre, votes_by_decade, share_by_kind]
 *     importMode: DIRECT_QUERY             # or SPICE (see importModeNote)
 *     user: student                        # QuickSight user who owns it; default: target's quicksightUser
 *     groupArn: arn:aws:quicksight:…:group/default/course   # instead of a user
 *     identityRegion: us-east-1            # where QuickSight keeps its users; default: the target's region
 *     skip: [heatmap_draft]                # charts left out (listed with what could not be translated)
 */
const ID = /^[A-Za-z0-9_-]+$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

export const PublishSettingsSchema = z.strictObject({
  dashboard: z.string().min(1).max(2048),
  charts: z.array(z.string().regex(ID)).min(1),
  importMode: z.enum(["DIRECT_QUERY", "SPICE"]).default("DIRECT_QUERY"),
  user: z.string().min(1).optional(),
  groupArn: z
    .string()
    .regex(/^arn:aws[\w-]*:quicksight:[\w-]+:\d{12}:group\/[\w-]+\/.+$/)
    .optional(),
  identityRegion: z.string().regex(REGION).optional(),
  skip: z.array(z.string().regex(ID)).default([]),
});
export type PublishSettings = z.output<typeof PublishSettingsSchema>;

const EXAMPLE = "dashboard: horror-subgenres\ncharts: [rating_by_subgenre]";

const FIELD_HELP: Record<string, string> = {
  dashboard: "a dashboard name, e.g. dashboard: horror-subgenres",
  charts: "a list of chart cell ids, e.g. charts: [rating_by_subgenre, votes_by_decade]",
  importMode: "DIRECT_QUERY (Athena on every view) or SPICE (a copy refreshed on a quota)",
  user: "a QuickSight user name, e.g. user: student",
  groupArn: "a QuickSight group ARN, e.g. arn:aws:quicksight:us-east-1:123456789012:group/default/course",
  identityRegion: "an AWS region, e.g. identityRegion: us-east-1",
  skip: "a list of chart cell ids to leave out, e.g. skip: [draft_chart]",
};

export function parsePublishSettings(cell: Cell): PublishSettings {
  const problem = (message: string, hint?: string) =>
    new LakebookError("PUBLISH_SETTINGS", `Publish cell ${cell.id}: ${message}`, {
      hint: hint ?? `A publish cell looks like:\n${EXAMPLE}`,
    });
  const settings = readCellSettings(cell.source, PublishSettingsSchema, problem, (issue, shown) => {
    const field = String(issue.path[0] ?? "");
    const missing = issue.code === "invalid_type" && shown === "";
    return `"${field}" is ${missing ? "missing" : "not valid"}${shown}; expected ${FIELD_HELP[field] ?? "a valid value"}.`;
  });
  if (settings.user && settings.groupArn) {
    throw problem(
      "both user and groupArn are set.",
      "Name either the QuickSight user or the group that owns the dashboard.",
    );
  }
  return settings;
}

/** Who will own what is published: the cell's group or user, else the target's quicksightUser. */
export type PublishPrincipal = { kind: "user"; name: string } | { kind: "group"; arn: string; name: string };

export function publishPrincipal(settings: PublishSettings, target: Target): PublishPrincipal | undefined {
  if (settings.groupArn) {
    return { kind: "group", arn: settings.groupArn, name: settings.groupArn.split("/").slice(2).join("/") };
  }
  const user = settings.user ?? (target.kind === "aws" ? target.quicksightUser : undefined);
  return user ? { kind: "user", name: user } : undefined;
}

/** SPICE or direct query, in words a student can choose by; the refresh quotas are QuickSight's (CreateIngestion). */
export function importModeNote(mode: PublishSettings["importMode"], edition?: string): string {
  if (mode === "DIRECT_QUERY") {
    return (
      "Direct query: every view of the dashboard runs its SQL on Athena, so it always shows the REFINED tables as they are " +
      "now and each view costs an Athena scan. SPICE (importMode: SPICE) would copy the rows into QuickSight instead."
    );
  }
  const quota = edition?.startsWith("ENTERPRISE")
    ? "32 (Enterprise edition)"
    : edition === "STANDARD"
      ? "8 (Standard edition)"
      : "8 on Standard edition, 32 on Enterprise";
  return (
    "SPICE: QuickSight copies the rows into its in-memory store, so views are fast and cost no Athena scans, but they show " +
    `the data as of the last refresh. Publishing starts a refresh; a dataset can be refreshed at most ${quota} times in 24 hours, ` +
    "and each row counts against the account's SPICE capacity."
  );
}
