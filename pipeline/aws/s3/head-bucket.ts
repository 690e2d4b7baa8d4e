import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { LakebookError } from "../../contract/errors";
import { CREDENTIALS_HINT, isCredentialsError, NETWORK_CODES, sdkErrorShape } from "../sdk-errors";
import type { S3Send } from "./object-requests";

/** What S3 answered about a bucket: the region it lives in, when it said. */
export interface BucketFacts {
  bucketRegion?: string;
}

/**
 * "Does the lake's bucket answer to these credentials in this region?": one S3 HeadBucket
 * (docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html). HEAD answers carry no body, so
 * the status says what went wrong: 404 no such bucket, 403 not allowed, 301/400 the bucket lives in
 * another region (named by the `x-amz-bucket-region` header, which S3 sends on those answers too).
 */
export async function checkBucket(s3: S3Send, bucket: string, region: string): Promise<BucketFacts> {
  try {
    const answer = await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return answer.BucketRegion ? { bucketRegion: answer.BucketRegion } : {};
  } catch (error) {
    throw bucketError(error, bucket, region);
  }
}

function bucketError(error: unknown, bucket: string, region: string): LakebookError {
  const sdk = sdkErrorShape(error);
  const status = sdk.$metadata?.httpStatusCode;
  const name = sdk.name ?? "";
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } }).$response
    ?.headers;
  const lives = headers?.["x-amz-bucket-region"];
  if (isCredentialsError(error)) {
    return new LakebookError("AWS_CREDENTIALS", `No working AWS credentials to reach bucket ${bucket}.`, {
      hint: CREDENTIALS_HINT,
      params: { bucket },
    });
  }
  if ((lives && lives !== region) || status === 301 || name === "PermanentRedirect") {
    return new LakebookError(
      "TARGET_WRONG_REGION",
      `Bucket ${bucket} is not in ${region}${lives ? `: it lives in ${lives}` : ""}.`,
      {
        hint: lives
          ? `Set the target's region to ${lives}.`
          : "Set the target's region to the bucket's region.",
        params: { bucket, region },
      },
    );
  }
  if (status === 404 || name === "NotFound" || name === "NoSuchBucket") {
    return new LakebookError("TARGET_NO_BUCKET", `There is no bucket named ${bucket}.`, {
      hint: "Check the bucket's name, or create it (aws s3 mb s3://<name> --region <region>) and test again.",
      params: { bucket, region },
    });
  }
  if (status === 403 || name === "Forbidden" || name === "AccessDenied") {
    return new LakebookError(
      "TARGET_ACCESS_DENIED",
      `These credentials may not use bucket ${bucket} (access denied).`,
      {
        hint: "The bucket belongs to another account, or the profile's policy lacks s3:ListBucket on it; pick another profile or ask for the permission (lakebook doctor lists them).",
        params: { bucket },
      },
    );
  }
  if (sdk.code && NETWORK_CODES.has(sdk.code)) {
    return new LakebookError("S3_UNAVAILABLE", `S3 could not be reached in ${region}.`, {
      hint: "Check the network connection and the region's name.",
      retryable: true,
      params: { region },
    });
  }
  return new LakebookError(
    "S3_ERROR",
    `S3 could not check bucket ${bucket}: ${sdk.message || name || status}`,
    {
      hint: "Check the bucket's name and region, then test again.",
      params: { bucket, region },
    },
  );
}
