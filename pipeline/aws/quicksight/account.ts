import {
  DescribeAccountSubscriptionCommand,
  DescribeGroupCommand,
  DescribeUserCommand,
  type Group,
  type User,
} from "@aws-sdk/client-quicksight";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import { quicksightCall, SIGN_UP_HINT } from "./quicksight-errors";
import type { QuickSightSend } from "./scope";

export type StsSend = Pick<STSClient, "send">;

/** QuickSight calls all name the account; STS says which one the credentials belong to. */
export async function callerAccountId(sts: StsSend): Promise<string> {
  const identity = await quicksightCall(
    { action: "find the AWS account of these credentials", iamAction: "sts:GetCallerIdentity" },
    () => sts.send(new GetCallerIdentityCommand({})),
  );
  if (!identity.Account) throw new Error("GetCallerIdentity returned no account");
  return identity.Account;
}

export interface QuickSightSubscription {
  /** STANDARD, ENTERPRISE, ENTERPRISE_AND_Q: decides the SPICE refresh quota. */
  edition: string | undefined;
  /** e.g. ACCOUNT_CREATED; UNSUBSCRIBED or SIGNUP_ATTEMPT_FAILED mean no usable account. */
  status: string | undefined;
}

export async function describeSubscription(
  client: QuickSightSend,
  accountId: string,
): Promise<QuickSightSubscription> {
  const answer = await quicksightCall(
    {
      action: "read the QuickSight subscription",
      iamAction: "quicksight:DescribeAccountSubscription",
      // For the account itself, "not found" means it never signed up.
      notFound: { code: "QUICKSIGHT_NO_ACCOUNT", hint: SIGN_UP_HINT },
    },
    () => client.send(new DescribeAccountSubscriptionCommand({ AwsAccountId: accountId })),
  );
  return { edition: answer.AccountInfo?.Edition, status: answer.AccountInfo?.AccountSubscriptionStatus };
}

const USER_HINT =
  "Invite the user in Manage QuickSight → Manage users (role Author), or set quicksightUser in the target / user: in the " +
  "publish cell to an existing QuickSight user name.";

/** QuickSight users of the `default` namespace, where sign-up puts them. */
export async function describeUser(
  client: QuickSightSend,
  accountId: string,
  userName: string,
): Promise<User> {
  const answer = await quicksightCall(
    {
      action: `read the QuickSight user ${userName}`,
      iamAction: "quicksight:DescribeUser",
      notFound: { code: "QUICKSIGHT_USER_NOT_FOUND", hint: USER_HINT },
    },
    () =>
      client.send(
        new DescribeUserCommand({ AwsAccountId: accountId, Namespace: "default", UserName: userName }),
      ),
  );
  return answer.User ?? {};
}

export async function describeGroup(
  client: QuickSightSend,
  accountId: string,
  groupName: string,
): Promise<Group> {
  const answer = await quicksightCall(
    { action: `read the QuickSight group ${groupName}`, iamAction: "quicksight:DescribeGroup" },
    () =>
      client.send(
        new DescribeGroupCommand({ AwsAccountId: accountId, Namespace: "default", GroupName: groupName }),
      ),
  );
  return answer.Group ?? {};
}
