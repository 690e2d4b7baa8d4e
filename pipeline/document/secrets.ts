/**
 * Notebook files are meant to be committed and shared, so anything that looks like a credential is
 * refused on read and on write. Messages name the key and where it is, never the value.
 */

/** Keys such as apiKey, api_key, accessKeyId, secretAccessKey, sessionToken, readAccessToken, password. */
const SECRET_KEY = /secret|passw(?:or)?d|token|api[_-]?key|access[_-]?key|private[_-]?key/i;

/** An AWS access key id pasted as a value (AKIA… long-term, ASIA… temporary). */
const AWS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;

export const SECRET_HINT =
  "Remove it from the file: a notebook is meant to be shared and committed. Keep credentials in an " +
  "environment variable, your AWS profile (name it with `profile:` in the target) or the OS keychain.";

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function looksLikeSecretValue(value: unknown): boolean {
  return typeof value === "string" && AWS_KEY_ID.test(value);
}

/** Why `key`/`value` is refused, phrased without the value; undefined when it is fine. */
export function secretProblem(key: string | undefined, value: unknown, where: string): string | undefined {
  if (key !== undefined && isSecretKey(key)) {
    return `"${where}" looks like a secret, and secrets never go in a notebook file`;
  }
  if (looksLikeSecretValue(value)) return `the value of "${where}" looks like an AWS access key id`;
  return undefined;
}

/** The first secret-looking entry in plain front-matter data, as a dotted path; used by the writer. */
export function findSecretInMeta(
  value: unknown,
  path: string[] = [],
): { path: string; problem: string } | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const where = [...path, String(i)].join(".");
      const problem = secretProblem(undefined, item, where);
      if (problem) return { path: where, problem };
      const found = findSecretInMeta(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const where = [...path, key].join(".");
      const problem = secretProblem(key, item, where);
      if (problem) return { path: where, problem };
      const found = findSecretInMeta(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
