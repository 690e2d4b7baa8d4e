import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Where the published API models are on this machine. Two sources, because neither says it all:
 *
 * - the `aws-sdk` v2 npm package (`apis/<service>-<version>.min.json`), current to the SDK's last
 *   release: every operation, member, type and required member, but its minified models drop the
 *   constraints (no min, max, pattern or enum);
 * - botocore's `service-2.json` files, from Debian's `python3-botocore`
 *   (`apt-get install python3-botocore`), which carry the constraints; Debian's copy is older, so
 *   it only adds constraints to members the current model has, never members.
 *
 * Enum values are the union of botocore's, the v2 package's `clients/<service>.d.ts` (`export type
 * Runtime = "nodejs20.x"|…`) and the installed v3 client's enum objects (`Runtime.nodejs22x`), the
 * newest of all: a value AWS added since a model was published is not reported.
 */
export interface ServiceSources {
  /** The v2 minified model: `operations` and `shapes`. */
  current: MinifiedModel;
  /** botocore's model for the same API version, when Debian's botocore is installed. */
  constraints?: BotocoreModel;
  /** Enum values by shape name, from the v2 type declarations and the v3 client. */
  enums: Map<string, readonly string[]>;
}

export interface MinifiedShape {
  type?: string;
  shape?: string;
  members?: Record<string, MinifiedShape>;
  required?: string[];
  member?: MinifiedShape;
  key?: MinifiedShape;
  value?: MinifiedShape;
  document?: boolean;
}
export interface MinifiedModel {
  operations: Record<string, { input?: MinifiedShape }>;
  shapes: Record<string, MinifiedShape>;
}

export interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  document?: boolean;
}
export interface BotocoreModel {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, BotocoreShape>;
}

const sdkFolder = dirname(createRequire(import.meta.url).resolve("aws-sdk/package.json"));
export const botocoreDataFolder = process.env.BOTOCORE_DATA ?? "/usr/lib/python3/dist-packages/botocore/data";

interface ServiceEntry {
  name: string;
  prefix?: string;
}
let serviceIndex: Map<string, { key: string; prefix: string }> | undefined;

/** The v2 package's id and file prefix for a v3 client class: `CloudWatchLogsClient` → logs. */
function findService(clientName: string): { key: string; prefix: string } {
  if (!serviceIndex) {
    const metadata = JSON.parse(readFileSync(join(sdkFolder, "apis", "metadata.json"), "utf8"));
    serviceIndex = new Map();
    for (const [key, entry] of Object.entries(metadata as Record<string, ServiceEntry>)) {
      serviceIndex.set(entry.name.toLowerCase(), { key, prefix: entry.prefix ?? key });
    }
  }
  const name = clientName.replace(/Client$/, "").toLowerCase();
  const found = serviceIndex.get(name);
  if (!found) throw new Error(`No published AWS model for the client ${clientName}`);
  return found;
}

const loaded = new Map<string, ServiceSources>();

/** The models of one service, read on first use and kept for the test file's lifetime. */
export function loadService(clientName: string): ServiceSources {
  let sources = loaded.get(clientName);
  if (!sources) {
    sources = readService(clientName, findService(clientName));
    loaded.set(clientName, sources);
  }
  return sources;
}

function readService(clientName: string, { key, prefix }: { key: string; prefix: string }): ServiceSources {
  const apis = join(sdkFolder, "apis");
  const versions = readdirSync(apis)
    .filter((file) => file.startsWith(`${prefix}-`) && file.endsWith(".min.json"))
    .map((file) => file.slice(prefix.length + 1, -".min.json".length))
    .filter((version) => /^\d{4}-\d{2}-\d{2}$/.test(version))
    .sort();
  const version = versions.at(-1);
  if (!version) throw new Error(`The aws-sdk package has no model for ${prefix}`);
  const current = JSON.parse(readFileSync(join(apis, `${prefix}-${version}.min.json`), "utf8"));
  const botocoreFile = join(botocoreDataFolder, prefix, version, "service-2.json");
  const constraints = existsSync(botocoreFile)
    ? (JSON.parse(readFileSync(botocoreFile, "utf8")) as BotocoreModel)
    : undefined;
  const enums = readEnums(join(sdkFolder, "clients", `${key}.d.ts`));
  addClientEnums(enums, clientName);
  return { current, constraints, enums };
}

// The v3 package of each client whose name does not spell it.
const v3Packages: Record<string, string> = {
  CloudWatchLogsClient: "@aws-sdk/client-cloudwatch-logs",
  SecretsManagerClient: "@aws-sdk/client-secrets-manager",
  QuickSightClient: "@aws-sdk/client-quicksight",
};

function addClientEnums(enums: Map<string, readonly string[]>, clientName: string): void {
  const name = v3Packages[clientName] ?? `@aws-sdk/client-${clientName.replace(/Client$/, "").toLowerCase()}`;
  let exports: Record<string, unknown>;
  try {
    exports = createRequire(import.meta.url)(name);
  } catch {
    return;
  }
  for (const [shapeName, value] of Object.entries(exports)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    const values = Object.values(value);
    if (values.length === 0 || !values.every((item) => typeof item === "string")) continue;
    enums.set(shapeName, [...new Set([...(enums.get(shapeName) ?? []), ...(values as string[])])]);
  }
}

const enumDeclaration = /export type (\w+) = ((?:"[^"]*"\|?)+)(?:\|string)?;/g;

function readEnums(declarations: string): Map<string, readonly string[]> {
  const enums = new Map<string, readonly string[]>();
  if (!existsSync(declarations)) return enums;
  for (const match of readFileSync(declarations, "utf8").matchAll(enumDeclaration)) {
    const values = (match[2] as string).split("|").filter(Boolean);
    enums.set(
      match[1] as string,
      values.map((value) => JSON.parse(value) as string),
    );
  }
  return enums;
}

/** True when the constraints (lengths, ranges, patterns) can be checked on this machine. */
export function constraintsInstalled(): boolean {
  return existsSync(join(botocoreDataFolder, "glue"));
}
