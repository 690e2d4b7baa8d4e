import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { CourseRuleResult } from "../contract";
import { readAll } from "../lake";
import { type CourseLake, listAll } from "./lake-view";
import { firstFew, say, verdict } from "./rule";

/**
 * No credentials in the project folder, the notebook or the lake. Findings name the file, the line
 * and the kind of secret, and show it masked (first four characters and its length): the evidence
 * must never repeat the secret it warns about.
 */
const PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  {
    kind: "AWS secret access key",
    pattern: /aws_secret_access_key\s*[=:]\s*["']?([A-Za-z0-9/+=]{16,})/gi,
  },
  { kind: "AWS secret access key", pattern: /secretAccessKey["']?\s*[=:]\s*["']([A-Za-z0-9/+=]{30,})/g },
  {
    kind: "TMDB read access token (JWT)",
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
  },
  { kind: "TMDB API key", pattern: /(?:tmdb[_-]?api[_-]?key|api_key)["']?\s*[=:]\s*["']?([0-9a-f]{32})\b/gi },
  { kind: "private key", pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/g },
];

/** Folders that are not the student's work: installed packages, Git's own store. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
/** Files past this size are the course's data, scanned in the lake rather than twice. */
const MAX_SCANNED_BYTES = 256 * 1024 * 1024;
const BINARY = /\.(parquet|png|jpe?g|gif|zip|gz|ico|woff2?|duckdb|wal)$/i;

export interface Finding {
  where: string;
  line: number;
  kind: string;
  masked: string;
}

export function mask(secret: string): string {
  return `${secret.slice(0, 4)}${"*".repeat(8)} (${secret.length} characters)`;
}

export function findSecrets(line: string): { kind: string; secret: string }[] {
  const found: { kind: string; secret: string }[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const match of line.matchAll(pattern)) found.push({ kind, secret: match[1] ?? match[0] });
  }
  return found;
}

export async function checkCredentials(lake: CourseLake): Promise<CourseRuleResult> {
  const findings: Finding[] = [];
  let files = 0;
  const lakeRoot = lake.lakeRoot ? path.resolve(lake.lakeRoot) : undefined;
  for (const file of await projectFiles(lake.baseDir, lakeRoot)) {
    files += 1;
    findings.push(...(await scanLines(createReadStream(file), path.relative(lake.baseDir, file) || file)));
  }
  let objects = 0;
  for (const info of await listAll(lake.store, "")) {
    if (BINARY.test(info.key) || info.size > MAX_SCANNED_BYTES) continue;
    objects += 1;
    const body =
      info.size < 1024 * 1024
        ? [await readAll(await lake.store.get(info.key))]
        : await lake.store.get(info.key);
    findings.push(...(await scanLines(body, `${lake.store.location}${info.key}`)));
  }
  return verdict(
    findings.length === 0,
    "project.no-credentials",
    0,
    "No credentials in the project folder, the notebook or the lake",
    findings.length
      ? firstFew(findings.map((f) => `${f.where}:${f.line}: ${f.kind} ${f.masked}`))
      : [say("credentials.clean", { files, objects })],
    say("credentials.hint"),
  );
}

async function projectFiles(dir: string, lakeRoot: string | undefined): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || path.resolve(full) === lakeRoot) continue;
      found.push(...(await projectFiles(full, lakeRoot)));
    } else if (entry.isFile() && !BINARY.test(entry.name)) {
      const size = await stat(full).then(
        (s) => s.size,
        () => 0,
      );
      if (size <= MAX_SCANNED_BYTES) found.push(full);
    }
  }
  return found;
}

async function scanLines(
  input: Iterable<Uint8Array> | AsyncIterable<Uint8Array | string>,
  where: string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const stream = input instanceof Readable ? input : Readable.from(input);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    for (const { kind, secret } of findSecrets(line))
      findings.push({ where, line: number, kind, masked: mask(secret) });
  }
  return findings;
}
