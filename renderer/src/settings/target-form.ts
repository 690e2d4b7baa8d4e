import { awsRegionName, bucketName } from "../../../pipeline/contract";
import { type Target, TargetSchema } from "../../../pipeline/document";
import type { MessageKey } from "../i18n";

/** The target form's fields as typed; empty text means "not set". */
export interface TargetFields {
  kind: "local" | "aws";
  lake: string;
  bucket: string;
  region: string;
  profile: string;
  workgroup: string;
  glueRole: string;
}

/** A field the form refuses, and what it expects instead (a message key). */
export interface TargetProblem {
  field: keyof TargetFields;
  expected: MessageKey;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The notebook's `target:` as the form shows it; a missing or unreadable one shows as local. */
export function fieldsOf(target: unknown): TargetFields {
  const value = (target ?? {}) as Record<string, unknown>;
  return {
    kind: value.kind === "aws" ? "aws" : "local",
    lake: text(value.lake),
    bucket: text(value.bucket),
    region: text(value.region),
    profile: text(value.profile),
    workgroup: text(value.workgroup),
    glueRole: text(value.glueRole),
  };
}

/**
 * The form's fields as the notebook's `target:`, checked by the same schema the service reads it
 * with (pipeline/document/target.ts) and by the bucket and region rules of the contract. Keys the
 * form does not show (prefix, athenaOutput, quicksightUser…) are kept from the previous target when
 * the kind stays the same.
 */
export function targetFrom(
  fields: TargetFields,
  previous: unknown,
): { target: Target; problems: [] } | { target?: undefined; problems: TargetProblem[] } {
  const trimmed = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value.trim()]),
  ) as unknown as TargetFields;
  const kept =
    previous && typeof previous === "object" && (previous as { kind?: unknown }).kind === trimmed.kind
      ? (previous as Record<string, unknown>)
      : {};
  const problems: TargetProblem[] = [];
  let candidate: Record<string, unknown>;
  if (trimmed.kind === "local") {
    candidate = { ...kept, kind: "local", lake: trimmed.lake || undefined };
  } else {
    if (!bucketName.safeParse(trimmed.bucket).success)
      problems.push({ field: "bucket", expected: "target.fix.bucket" });
    if (!awsRegionName.safeParse(trimmed.region).success)
      problems.push({ field: "region", expected: "target.fix.region" });
    candidate = {
      ...kept,
      kind: "aws",
      bucket: trimmed.bucket,
      region: trimmed.region,
      profile: trimmed.profile || undefined,
      workgroup: trimmed.workgroup || undefined,
      glueRole: trimmed.glueRole || undefined,
    };
  }
  // Unset optional keys are left out, so the YAML header has no `profile: null` lines.
  const clean = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined));
  const parsed = TargetSchema.safeParse(clean);
  if (problems.length > 0) return { problems };
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "kind") as keyof TargetFields;
    return { problems: [{ field, expected: field === "lake" ? "target.fix.lake" : "target.fix.bucket" }] };
  }
  return { target: clean as Target, problems: [] };
}

/** One line for the toolbar: "Local lake", or "AWS · bucket · region · profile". */
export function targetSummary(
  target: unknown,
  t: (key: MessageKey, params?: Record<string, string>) => string,
): string {
  const fields = fieldsOf(target);
  if (fields.kind === "local")
    return fields.lake ? t("target.localWithLake", { lake: fields.lake }) : t("target.local");
  const params = { bucket: fields.bucket, region: fields.region, profile: fields.profile };
  return fields.profile ? t("target.awsProfile", params) : t("target.aws", params);
}
