import type { ServiceClient } from "../service/client";
import { saveBlob } from "../service/desktop";
import type { DownloadedFile } from "../service/transport";
import { announce } from "../state/announcer";

/** Hands a downloaded file to the browser's download manager, the way a download link would. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the URL to the download manager; free it once that has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "Export CSV" of a table: the result streamed by the service, saved as a file (the native Save
 * dialog on the desktop, a download in the browser); a failure is said aloud.
 */
export async function saveResultCsv(client: Pick<ServiceClient, "exportResultCsv">, resultId: string) {
  try {
    const { blob, fileName } = await client.exportResultCsv(resultId);
    await saveBlob(blob, { kind: "csv", defaultName: fileName }, (bytes, name) =>
      saveFile({ blob: bytes, fileName: name }),
    );
  } catch (error) {
    announce((error as Error).message || String(error));
  }
}
