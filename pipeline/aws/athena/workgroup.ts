import { GetWorkGroupCommand } from "@aws-sdk/client-athena";
import type { AthenaSend } from "./athena-results";

/** What the publish preflight checks of a workgroup. */
export interface WorkGroupFacts {
  /** ENABLED or DISABLED. */
  state: string | undefined;
  /** The workgroup's query result location; QuickSight's queries need one. */
  outputLocation: string | undefined;
}

/** GetWorkGroup; AWS's exception is thrown as it is, for the caller to word. */
export async function readWorkGroup(client: AthenaSend, workgroup: string): Promise<WorkGroupFacts> {
  const group = (await client.send(new GetWorkGroupCommand({ WorkGroup: workgroup }))).WorkGroup;
  return { state: group?.State, outputLocation: group?.Configuration?.ResultConfiguration?.OutputLocation };
}
