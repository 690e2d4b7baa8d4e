/**
 * One IAM grant a stage needs: which actions, on which resources. Resources are ARN templates with
 * `{partition}`, `{bucket}`, `{lake}` (the lake's folder in the bucket: "" or ending in "/"),
 * `{region}` and `{account}` to fill in; a policy document or a permissions check is built from
 * these, never from a second copy of the list.
 */
export interface ActionList {
  /** The cell kind or part of Lakebook that needs it: "transform (Glue job role)". */
  stage: string;
  /** A policy statement's Sid: "ReadInputs". */
  purpose: string;
  /** Why, in the user's words, for the doctor's checks: "read the input tables' files". */
  why: string;
  actions: readonly string[];
  resources: readonly string[];
}

/** The names a template's placeholders stand for. */
export interface TemplatePlace {
  partition: string;
  bucket: string;
  /** The lake's folder in the bucket: "" or ending in "/". */
  lake: string;
  region: string;
  account: string;
}

/** An ARN template with its placeholders filled. */
export function fillTemplate(template: string, place: TemplatePlace): string {
  return template
    .replaceAll("{partition}", place.partition)
    .replaceAll("{bucket}", place.bucket)
    .replaceAll("{lake}", place.lake)
    .replaceAll("{region}", place.region)
    .replaceAll("{account}", place.account);
}
