import { type CellOutput, type ServiceError, toServiceError } from "../contract";

// Stack frames ("    at fn (file:line)") belong in a log, never in front of a student.
const STACK_FRAME = /^\s*at\s.+$/gm;
// Credentials that SDK and HTTP errors sometimes quote back: AWS key ids, secrets, tokens, API keys.
const SECRETS: [RegExp, string][] = [
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, "[access key id]"],
  [/\b(aws_secret_access_key|aws_session_token|secret|password)(\s*[=:]\s*)[^\s;,&"']+/gi, "$1$2[redacted]"],
  [/\b(Bearer\s+)[\w.~+/=-]+/gi, "$1[redacted]"],
  [/\b((?:token|api_key|apikey|access_token)=)[^\s;,&"']+/gi, "$1[redacted]"],
];

/** The user's own credentials, by value: whatever words an error puts around them, they go. */
const SECRET_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_SECURITY_TOKEN",
  "TMDB_READ_ACCESS_TOKEN",
  "TMDB_API_KEY",
];
// Shorter values (a test's "x") would blank out ordinary words.
const MIN_SECRET_LENGTH = 8;

/**
 * Any thrown value as the error shape a client may see: LakebookError keeps its code, hint and
 * retryable; anything else is INTERNAL with its message. Either way, stack frames and credentials
 * quoted in a message or hint are taken out (pure, so each rule is tested).
 */
export function publicError(error: unknown): ServiceError {
  const shaped = toServiceError(error);
  const message = scrub(shaped.message) || "Unexpected error";
  const hint = shaped.hint === undefined ? undefined : scrub(shaped.hint);
  const details = shaped.details === undefined ? undefined : scrub(shaped.details);
  return {
    code: shaped.code,
    message,
    ...(hint ? { hint } : {}),
    retryable: shaped.retryable,
    // The parts the UI translates by code and the engine's own words pass through the same scrub.
    ...(shaped.params ? { params: scrubParams(shaped.params) } : {}),
    ...(details ? { details } : {}),
    ...(shaped.at ? { at: shaped.at } : {}),
  };
}

/**
 * The output a failed run keeps (a check cell's results): the engine's words inside it, a check
 * that could not run, get the same scrub as the error itself. Other outputs hold no error text.
 */
export function publicOutput(output: CellOutput): CellOutput {
  if (output.type !== "checks") return output;
  return {
    ...output,
    report: scrub(output.report),
    tables: output.tables.map((table) => ({
      ...table,
      checks: table.checks.map(({ error, ...check }) => {
        if (!error) return check;
        const hint = error.hint === undefined ? "" : scrub(error.hint);
        return {
          ...check,
          error: {
            code: error.code,
            message: scrub(error.message) || "the query failed",
            ...(hint ? { hint } : {}),
          },
        };
      }),
    })),
  };
}

function scrubParams(params: NonNullable<ServiceError["params"]>): NonNullable<ServiceError["params"]> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === "string" ? scrub(value) : value]),
  );
}

function scrub(text: string): string {
  let clean = text.replace(STACK_FRAME, "");
  for (const name of SECRET_VARIABLES) {
    const value = process.env[name]?.trim();
    if (value && value.length >= MIN_SECRET_LENGTH) clean = clean.split(value).join("[redacted]");
  }
  for (const [pattern, replacement] of SECRETS) clean = clean.replace(pattern, replacement);
  return clean.replace(/\n{2,}/g, "\n").trim();
}
