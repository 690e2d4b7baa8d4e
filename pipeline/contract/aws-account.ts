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
/** An AWS region name (`eu-west-1`, `us-gov-west-1`). */
export const awsRegionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "a region like eu-west-1");
const regionName = awsRegionName.optional();

/**
 * "Test connection" of the target form: who the profile is (STS) and whether the lake's bucket
 * answers to it in that region (S3 HeadBucket). A failure is the method's error, with a code that
 * says which: AWS_CREDENTIALS, TARGET_WRONG_REGION, TARGET_NO_BUCKET, TARGET_ACCESS_DENIED.
 */
export const AwsConnectionSchema = AwsIdentitySchema.extend({
  bucket: z.string(),
  /** The region the bucket lives in, as S3 answered it (when it said). */
  bucketRegion: z.string().optional(),
});

/** An S3 bucket name as S3 allows it (3–63 lowercase letters, digits, dots and hyphens). */
export const bucketName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    "an S3 bucket name like my-data-lake (3–63 lowercase letters, digits, . and -)",
  );

export type AwsProfiles = z.infer<typeof AwsProfilesSchema>;
export type AwsConnection = z.infer<typeof AwsConnectionSchema>;
export type AwsIdentity = z.infer<typeof AwsIdentitySchema>;

/** The service methods, rows of the method table. */
export const awsAccountMethods = {
  "aws.profiles": { params: z.object({}), result: AwsProfilesSchema },
  "aws.whoAmI": {
    params: z.object({ profile: profileName.optional(), region: regionName }),
    result: AwsIdentitySchema,
  },
  "aws.testConnection": {
    params: z.object({ profile: profileName.optional(), region: awsRegionName, bucket: bucketName }),
    result: AwsConnectionSchema,
  },
};
