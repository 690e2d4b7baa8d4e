import { GetTableCommand, type GlueClient, type Table } from "@aws-sdk/client-glue";
import { sdkErrorName } from "../sdk-errors";

/** What a caller needs of a Glue client: `send`, so tests can hand in a mock. */
export type GlueSend = Pick<GlueClient, "send">;

/**
 * GetTable: the answer, or undefined when Glue has no such table (or database). Other exceptions
 * are thrown as they are, for the caller to word.
 */
export async function getGlueTable(
  client: GlueSend,
  database: string,
  name: string,
): Promise<{ table: Table | undefined } | undefined> {
  try {
    const answer = await client.send(new GetTableCommand({ DatabaseName: database, Name: name }));
    return { table: answer.Table };
  } catch (error) {
    if (sdkErrorName(error) === "EntityNotFoundException") return undefined;
    throw error;
  }
}
