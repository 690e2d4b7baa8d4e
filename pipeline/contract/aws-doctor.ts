import { z } from "zod";

/**
 * The permissions doctor's answer (`aws.doctor`, `lakebook doctor --json`): per stage the notebook
 * uses, each IAM action on each resource and whether the identity may do it, and the minimal
 * policies to copy.
 */
export const DoctorCheckSchema = z.object({
  action: z.string(),
  resource: z.string(),
  /** `unchecked`: the simulator could not be asked (the reason says why); a warning, not a failure. */
  decision: z.enum(["allowed", "denied", "unchecked"]),
  reason: z.string().optional(),
});

export const DoctorStageSchema = z.object({
  stage: z.string(),
  label: z.string(),
  cells: z.array(z.string()),
  checks: z.array(DoctorCheckSchema),
});

export const DoctorPolicySchema = z.object({
  /** `user`: the notebook's identity; `glue-job-role` and `lambda-role`: the roles the stages hand to AWS. */
  name: z.enum(["user", "glue-job-role", "lambda-role"]),
  title: z.string(),
  /** Where it goes, in the user's words. */
  attachTo: z.string(),
  document: z.record(z.string(), z.unknown()),
  trustPolicy: z.record(z.string(), z.unknown()).optional(),
});

export const DoctorReportSchema = z.object({
  /** False when something is denied; unchecked actions leave it true (with a note). */
  ok: z.boolean(),
  target: z.enum(["local", "aws"]),
  identity: z.object({ arn: z.string(), account: z.string(), simulated: z.string().optional() }).nullable(),
  note: z.string().optional(),
  stages: z.array(DoctorStageSchema),
  policies: z.array(DoctorPolicySchema),
});

export type DoctorCheck = z.infer<typeof DoctorCheckSchema>;
export type DoctorStage = z.infer<typeof DoctorStageSchema>;
export type DoctorPolicy = z.infer<typeof DoctorPolicySchema>;
export type DoctorReport = z.infer<typeof DoctorReportSchema>;

/** The service method, one row of the method table. */
export const awsDoctorMethod = { params: z.object({}), result: DoctorReportSchema };
