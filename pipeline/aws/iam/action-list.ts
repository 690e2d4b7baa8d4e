/**
 * One IAM grant a stage needs: which actions, on which resources. Resources are ARN templates with
 * `{bucket}`, `{lake}` (the lake's folder in the bucket: "" or ending in "/"), `{region}` and
 * `{account}` to fill in; a policy document or a permissions check is built from these, never from
 * a second copy of the list.
 */
export interface ActionList {
  /** The cell kind or part of Lakebook that needs it: "transform (Glue job role)". */
  stage: string;
  /** Why, in the user's words, for a policy statement's Sid and a doctor's message. */
  purpose: string;
  actions: readonly string[];
  resources: readonly string[];
}
