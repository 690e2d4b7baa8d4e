import { type AwsClientSettings, type AwsClients, awsClients } from "../aws/clients";
import { checkBucket } from "../aws/s3";
import { whoAmI } from "../aws/sts";
import type { AwsConnection } from "../contract";

/**
 * The target form's "Test connection": who the profile is (STS GetCallerIdentity, which needs no
 * permission, so a failure there is about credentials), then one HeadBucket on the lake's bucket
 * in the form's region. Each failure is a LakebookError whose code says which of the four it is.
 */
export async function testTargetConnection(
  target: { profile?: string | undefined; region: string; bucket: string },
  clientsFor: (settings: AwsClientSettings) => AwsClients = awsClients,
): Promise<AwsConnection> {
  const picked = { ...(target.profile ? { profile: target.profile } : {}), region: target.region };
  const identity = await whoAmI(picked, clientsFor);
  const clients = clientsFor(picked);
  try {
    const facts = await checkBucket(clients.s3(), target.bucket, target.region);
    return { ...picked, ...identity, bucket: target.bucket, ...facts };
  } finally {
    clients.destroy();
  }
}
