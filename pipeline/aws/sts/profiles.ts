import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";

/** Where the SDK reads shared profiles: its own environment variables first, as the SDK does. */
export function sharedProfileFiles(env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  return [
    env.AWS_CONFIG_FILE || path.join(home, ".aws", "config"),
    env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, ".aws", "credentials"),
  ];
}

/**
 * The profile names in one shared file, read from its section headers only: no line below a
 * header is looked at, so no key is ever held. In the config file a profile is `[profile name]`
 * (or `[default]`); `[sso-session …]` and `[services …]` are not profiles. In the credentials file
 * every section is a profile.
 */
export function profileNamesIn(text: string, kind: "config" | "credentials"): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(line)?.[1];
    if (!header) continue;
    if (kind === "credentials") names.push(header);
    else if (header === "default") names.push(header);
    else if (/^profile\s+/.test(header)) names.push(header.replace(/^profile\s+/, "").trim());
  }
  return names;
}

/** Every profile this machine has, `default` first, then by name; a missing file is no profiles. */
export async function listProfileNames(files = sharedProfileFiles()): Promise<string[]> {
  const [config, credentials] = await Promise.all(
    files.map((file) => readFile(file, "utf8").catch(() => "")),
  );
  const names = new Set([
    ...profileNamesIn(config ?? "", "config"),
    ...profileNamesIn(credentials ?? "", "credentials"),
  ]);
  return [...names].sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)));
}
