import path from "node:path";

export const MAX_RECENT = 10;

/** The recent list with `file` first: no duplicates, at most `max`, and case-blind on Windows and macOS. */
export function rememberRecent(
  recent: readonly string[],
  file: string,
  platform: NodeJS.Platform,
  max = MAX_RECENT,
): string[] {
  const key = samePathKey(platform);
  return [file, ...recent.filter((entry) => key(entry) !== key(file))].slice(0, max);
}

/** Keeps only absolute paths as strings, from whatever was read from disk. */
export function parseRecent(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is string => typeof entry === "string" && path.isAbsolute(entry))
    .slice(0, MAX_RECENT);
}

function samePathKey(platform: NodeJS.Platform): (file: string) => string {
  // The default file systems of Windows and macOS ignore case; Linux's do not.
  return platform === "win32" || platform === "darwin" ? (file) => file.toLowerCase() : (file) => file;
}
