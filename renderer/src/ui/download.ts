/** Saves a URL (a data: or blob: URL the page made) as a file, the way a download link would. */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  // The click has handed the URL to the download manager; free it once that has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
