import { GetRoleCommand, type IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import { iamError } from "./iam-errors";

/** Who the notebook's profile is, and which IAM entity the simulator can be asked about. */
export interface CallerIdentity {
  /** As STS says it: a user, an assumed-role session, a federated user or root. */
  arn: string;
  account: string;
  partition: string;
  /** The user or role whose policies the simulator evaluates; absent when there is none to ask about. */
  simulated?: string;
  /** Why nothing can be simulated, or what was guessed. */
  note?: string;
}

/**
 * GetCallerIdentity needs no permission (docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html),
 * so it answers for any working credentials; its failure is a credentials problem and is reported as one.
 */
export async function callerIdentity(sts: STSClient, iam: IAMClient): Promise<CallerIdentity> {
  let arn: string;
  let account: string;
  try {
    const answer = await sts.send(new GetCallerIdentityCommand({}));
    arn = answer.Arn ?? "";
    account = answer.Account ?? "";
  } catch (error) {
    throw iamError(error, "read the caller's identity (STS GetCallerIdentity)");
  }
  return { arn, account, partition: arn.split(":")[1] || "aws", ...(await simulatedEntity(arn, iam)) };
}

/**
 * The IAM entity behind a caller ARN. An assumed-role session
 * `arn:aws:sts::123456789012:assumed-role/Role/session` is the role `arn:aws:iam::123456789012:role/Role`,
 * except that the session ARN drops the role's path (IAM identifiers:
 * docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns), so the
 * role's own ARN is read with GetRole; without iam:GetRole the path-less ARN is tried.
 */
export async function simulatedEntity(
  arn: string,
  iam: IAMClient,
): Promise<Pick<CallerIdentity, "simulated" | "note">> {
  const parts = parseCallerArn(arn);
  if (!parts) return { note: `${arn} is not an IAM user or role ARN, so there is nothing to simulate.` };
  if (parts.kind === "user" || parts.kind === "role") return { simulated: arn };
  if (parts.kind === "root") {
    return {
      note: "These are the account's root credentials: every action is allowed (unless an organization's SCP denies it). Use an IAM user or role with the generated policy instead.",
    };
  }
  if (parts.kind === "federated-user") {
    return {
      note: "A federated user's permissions are its session policy's: the simulator cannot evaluate them.",
    };
  }
  const guessed = `arn:${parts.partition}:iam::${parts.account}:role/${parts.name}`;
  try {
    const answer = await iam.send(new GetRoleCommand({ RoleName: parts.name }));
    return { simulated: answer.Role?.Arn ?? guessed };
  } catch {
    return {
      simulated: guessed,
      note: `Could not read the role ${parts.name} (iam:GetRole), so its path is unknown; simulating ${guessed}.`,
    };
  }
}

type CallerArnParts =
  | { kind: "user" | "role" | "root" | "federated-user"; partition: string; account: string; name: string }
  | { kind: "assumed-role"; partition: string; account: string; name: string; session: string };

export function parseCallerArn(arn: string): CallerArnParts | undefined {
  const match = /^arn:([^:]+):(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!match) return undefined;
  const [, partition = "aws", service, account = "", resource = ""] = match;
  if (service === "iam" && resource === "root") return { kind: "root", partition, account, name: "root" };
  if (service === "iam" && resource.startsWith("user/"))
    return { kind: "user", partition, account, name: resource };
  if (service === "iam" && resource.startsWith("role/"))
    return { kind: "role", partition, account, name: resource };
  if (service === "sts" && resource.startsWith("assumed-role/")) {
    const [, name = "", ...session] = resource.split("/");
    return { kind: "assumed-role", partition, account, name, session: session.join("/") };
  }
  if (service === "sts" && resource.startsWith("federated-user/")) {
    return { kind: "federated-user", partition, account, name: resource.slice("federated-user/".length) };
  }
  return undefined;
}
