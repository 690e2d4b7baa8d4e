import { z } from "zod";

/**
 * The AWS account picker of the settings: which profiles this machine has (their names only, never
 * a key) and who a profile is in a region, as STS GetCallerIdentity says it.
 */
export const AwsProfilesSchema = z.object({
  /** Section names of ~/.aws/config and ~/.aws/credentials, sorted, `default` first when there. */
  profiles: z.array(z.string()),
});

export const AwsIdentitySchema = z.object({
  profile: z.string().optional(),
  region: z.string().optional(),
  /** The 12-digit account id. */
  account: z.string(),
  /** The caller's ARN: a user, an assumed-role session, a federated user or root. */
  arn: z.string(),
});

const profileName = z.string().min(1).max(128);
const regionName = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "a region like eu-west-1")
  .optional();

export type AwsProfiles = z.infer<typeof AwsProfilesSchema>;
export type AwsIdentity = z.infer<typeof AwsIdentitySchema>;

/** The service methods, rows of the method table. */
export const awsAccountMethods = {
  "aws.profiles": { params: z.object({}), result: AwsProfilesSchema },
  "aws.whoAmI": {
    params: z.object({ profile: profileName.optional(), region: regionName }),
    result: AwsIdentitySchema,
  },
};
