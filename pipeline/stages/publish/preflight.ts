import { readWorkGroup } from "../../aws/athena";
import { getGlueTable } from "../../aws/glue";
import {
  callerAccountId,
  describeGroup,
  describeSubscription,
  describeUser,
  SIGN_UP_HINT,
} from "../../aws/quicksight";
import { LakebookError } from "../../contract";
import type { PublishClients } from "./clients";
import type { PublishPrincipal } from "./settings";

/** One finding of the permissions doctor; a failing one says what is wrong and what to do where. */
export interface PreflightCheck {
  check: string;
  ok: boolean;
  detail?: string;
  problem?: string;
  fix?: string;
  /** Cannot be checked through an API: `fix` says what to verify in the console. */
  manual?: boolean;
}

/** What each check looks at, for the plan a local target shows before the notebook moves to AWS. */
export const PREFLIGHT_CHECKS: { check: string; verifies: string }[] = [
  {
    check: "AWS credentials",
    verifies: "STS GetCallerIdentity answers: the profile's credentials work and name the account.",
  },
  {
    check: "QuickSight account",
    verifies: "DescribeAccountSubscription: the account has signed up for QuickSight (and which edition).",
  },
  {
    check: "QuickSight user",
    verifies:
      "DescribeUser in the default namespace: the owner exists with the AUTHOR or ADMIN role (or DescribeGroup for a group).",
  },
  {
    check: "Athena workgroup",
    verifies: "GetWorkGroup: the workgroup exists, is enabled and has a query result location.",
  },
  {
    check: "REFINED tables",
    verifies: "Glue GetTable: every refined table the charts read is in the Data Catalog.",
  },
  {
    check: "QuickSight access to S3 and Athena",
    verifies: "not checkable through an API: verified by you in Manage QuickSight → Security & permissions.",
  },
];

const AUTHOR_ROLES = new Set(["AUTHOR", "ADMIN", "AUTHOR_PRO", "ADMIN_PRO"]);

const failed = (check: string, problem: string, fix: string): PreflightCheck => ({
  check,
  ok: false,
  problem,
  fix,
});
const hintOf = (error: unknown, fallback: string) =>
  (error instanceof LakebookError && error.hint) || fallback;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function checkCredentials(
  clients: PublishClients,
): Promise<PreflightCheck & { accountId?: string }> {
  try {
    const accountId = await callerAccountId(clients.sts);
    return { check: "AWS credentials", ok: true, detail: `account ${accountId}`, accountId };
  } catch (error) {
    return failed(
      "AWS credentials",
      messageOf(error),
      hintOf(error, "Set `profile:` in the notebook's target to a working AWS profile."),
    );
  }
}

export async function checkQuickSightAccount(
  clients: PublishClients,
  accountId: string,
): Promise<PreflightCheck & { edition?: string }> {
  const check = "QuickSight account";
  try {
    const { edition, status } = await describeSubscription(clients.quicksight, accountId);
    if (status && status !== "ACCOUNT_CREATED" && status !== "OK") {
      return failed(check, `the QuickSight subscription is ${status}`, SIGN_UP_HINT);
    }
    return { check, ok: true, detail: `${edition ?? "unknown"} edition`, ...(edition ? { edition } : {}) };
  } catch (error) {
    return failed(check, messageOf(error), hintOf(error, SIGN_UP_HINT));
  }
}

export async function checkPrincipal(
  clients: PublishClients,
  accountId: string,
  principal: PublishPrincipal,
): Promise<PreflightCheck & { arn?: string }> {
  if (principal.kind === "group") {
    const check = "QuickSight group";
    try {
      const group = await describeGroup(clients.quicksightIdentity, accountId, principal.name);
      return { check, ok: true, detail: principal.name, arn: group.Arn ?? principal.arn };
    } catch (error) {
      return failed(
        check,
        messageOf(error),
        hintOf(
          error,
          "Create the group in Manage QuickSight → Manage groups, or fix groupArn in the publish cell.",
        ),
      );
    }
  }
  const check = "QuickSight user";
  try {
    const user = await describeUser(clients.quicksightIdentity, accountId, principal.name);
    if (!user.Role || !AUTHOR_ROLES.has(user.Role)) {
      return failed(
        check,
        `${principal.name} is a ${user.Role ?? "user without a role"}: readers cannot own analyses`,
        "Make the user an author: Manage QuickSight → Manage users → Role: Author (or Admin); or name an author with user: in the publish cell.",
      );
    }
    return {
      check,
      ok: true,
      detail: `${principal.name} (${user.Role})`,
      ...(user.Arn ? { arn: user.Arn } : {}),
    };
  } catch (error) {
    const missing = error instanceof LakebookError && error.code === "QUICKSIGHT_USER_NOT_FOUND";
    return failed(
      check,
      missing ? `there is no QuickSight user ${principal.name} in the default namespace` : messageOf(error),
      hintOf(error, "See the message."),
    );
  }
}

export async function checkAthenaWorkgroup(
  clients: PublishClients,
  workgroup: string,
): Promise<PreflightCheck> {
  const check = "Athena workgroup";
  const where = `Athena console → Workgroups → ${workgroup} → Edit → Query result location`;
  try {
    const group = await readWorkGroup(clients.athena, workgroup);
    if (group.state === "DISABLED")
      return failed(
        check,
        `the workgroup ${workgroup} is disabled`,
        `Enable it in the Athena console → Workgroups → ${workgroup}.`,
      );
    const output = group.outputLocation;
    // QuickSight runs its queries with the workgroup's settings: the notebook's athenaOutput does not reach it.
    if (!output)
      return failed(
        check,
        `the workgroup ${workgroup} has no query result location, so QuickSight's queries cannot run`,
        `Set one (s3://<bucket>/athena-results/) in ${where}.`,
      );
    return { check, ok: true, detail: `${workgroup}, results in ${output}` };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "InvalidRequestException" || /not found|does not exist/i.test(messageOf(error))) {
      return failed(
        check,
        `there is no workgroup ${workgroup} in this region`,
        "Set `workgroup:` in the notebook's target to an existing workgroup (primary exists in every account).",
      );
    }
    return failed(check, messageOf(error), "The identity needs athena:GetWorkGroup; see the message.");
  }
}

export async function checkRefinedTables(
  clients: PublishClients,
  tables: readonly string[],
): Promise<PreflightCheck[]> {
  return Promise.all(
    tables.map(async (qualified): Promise<PreflightCheck> => {
      const check = `REFINED table ${qualified}`;
      const [database = "", name = ""] = qualified.split(".");
      try {
        if (await getGlueTable(clients.glue, database, name)) return { check, ok: true };
        return failed(
          check,
          `${qualified} is not in the Glue Data Catalog of this region`,
          `Run the transform cell that writes ${qualified} on the AWS target, then publish again.`,
        );
      } catch (error) {
        return failed(
          check,
          messageOf(error),
          "The identity needs glue:GetTable on the refined database; see the message.",
        );
      }
    }),
  );
}

/** QuickSight's own service role reads S3 and runs Athena; no API shows its grants reliably. */
export function s3AccessCheck(bucket: string): PreflightCheck {
  return {
    check: "QuickSight access to S3 and Athena",
    ok: true,
    manual: true,
    fix:
      `Verify in QuickSight: Manage QuickSight → Security & permissions → QuickSight access to AWS services → Manage: ` +
      `Amazon Athena is ticked, and under Amazon S3 the bucket ${bucket} is ticked (with write permission for Athena Workgroup, ` +
      "so result files can be written). Without it the dashboard builds but its visuals show an S3 access error.",
  };
}
