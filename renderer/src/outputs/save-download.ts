import type { ServiceClient } from "../service/client";
import { saveBlob } from "../service/desktop";
import { announce } from "../state/announcer";
import { downloadBlob } from "../ui/download";

/**
 * "Export CSV" of a table: the result streamed by the service, saved as a file (the native Save
 * dialog on the desktop, a download in the browser); a failure is said aloud.
 */
export async function saveResultCsv(client: Pick<ServiceClient, "exportResultCsv">, resultId: string) {
  try {
    const { blob, fileName } = await client.exportResultCsv(resultId);
    await saveBlob(blob, { kind: "csv", defaultName: fileName }, downloadBlob);
  } catch (error) {
    announce((error as Error).message || String(error));
  }
}
