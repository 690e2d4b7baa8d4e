import type { DesktopApi, DesktopSaveRequest } from "../../../pipeline/contract/desktop-api";
import { MAX_DESKTOP_SAVE_BYTES } from "../../../pipeline/contract/desktop-api";

/**
 * The desktop shell's `window.lakebook` (its preload, typed by pipeline/contract/desktop-api.ts),
 * or undefined in a browser. Checked by shape, not trusted by name: a page global that is not the
 * preload's object leaves the browser path in place.
 */
export function desktopApi(win: Window): DesktopApi | undefined {
  const candidate = (win as Window & { lakebook?: Partial<DesktopApi> }).lakebook;
  return candidate?.desktop === 1 &&
    typeof candidate.invoke === "function" &&
    typeof candidate.on === "function"
    ? (candidate as DesktopApi)
    : undefined;
}

/**
 * Saves a file the way the host does it: the desktop's native Save dialog (the shell writes the
 * bytes), or the browser's download manager. Resolves to false when the user cancelled the dialog.
 */
export async function saveBlob(
  blob: Blob,
  request: DesktopSaveRequest,
  browserDownload: (blob: Blob, fileName: string) => void,
  win: Window = window,
): Promise<boolean> {
  const desktop = desktopApi(win);
  // Over the cap one message would be too big: the page's own download is the way out there.
  if (!desktop || blob.size > MAX_DESKTOP_SAVE_BYTES) {
    browserDownload(blob, request.defaultName);
    return true;
  }
  const saved = await desktop.saveFile(request, new Uint8Array(await blob.arrayBuffer()));
  return saved !== undefined;
}
