import { LakebookError } from "../contract/errors";
import type { MessageParams } from "../contract/messages";
import {
  CREDENTIALS_HINT,
  isCredentialsError,
  NETWORK_CODES,
  sdkErrorShape,
  THROTTLING_ERRORS,
} from "./sdk-errors";

/**
 * The one table that turns an AWS SDK exception into a LakebookError. Every service shares the
 * kinds below (credentials, access denied, throttled, unavailable, unreachable) with the same codes
 * and retryability; a service adds its own rows (its exceptions and AWS messages it knows) and its
 * hints. Order: credentials, the service's rows in order, the shared kinds, the service's fallback.
 */
export type SdkErrorKind = "credentials" | "accessDenied" | "throttled" | "unavailable" | "network";

/** Exception names AWS uses for "not allowed", whatever the service. */
export const ACCESS_DENIED_ERRORS: ReadonlySet<string> = new Set(["AccessDeniedException", "AccessDenied"]);

/** "Something broke inside AWS": each service names it its own way; a 5xx status says the same. */
export const UNAVAILABLE_ERRORS: ReadonlySet<string> = new Set([
  "InternalServiceException",
  "InternalServerException",
  "InternalServiceError",
  "InternalFailureException",
  "OperationTimeoutException",
  "ResourceUnavailableException",
  "ServiceException",
]);

/** Kind → Lakebook code and whether trying again may help. `<P>` is the service's code prefix. */
export const SDK_ERROR_KINDS: Readonly<Record<SdkErrorKind, { code: string; retryable: boolean }>> = {
  credentials: { code: "AWS_CREDENTIALS", retryable: false },
  accessDenied: { code: "<P>_ACCESS_DENIED", retryable: false },
  throttled: { code: "<P>_THROTTLED", retryable: true },
  unavailable: { code: "<P>_UNAVAILABLE", retryable: true },
  network: { code: "<P>_UNAVAILABLE", retryable: true },
};

/** Which shared kind an exception is, by its name, HTTP status or socket code; undefined for none. */
export function sdkErrorKind(error: unknown): SdkErrorKind | undefined {
  const { name = "", code, $metadata } = sdkErrorShape(error);
  const status = $metadata?.httpStatusCode;
  if (isCredentialsError(error)) return "credentials";
  if (ACCESS_DENIED_ERRORS.has(name) || status === 403) return "accessDenied";
  if (THROTTLING_ERRORS.has(name) || status === 429) return "throttled";
  if (UNAVAILABLE_ERRORS.has(name) || (status !== undefined && status >= 500)) return "unavailable";
  if (code && NETWORK_CODES.has(code)) return "network";
  return undefined;
}

/** One service row: matches by exception name (any of `names`) and/or AWS's message. */
export interface SdkErrorRow {
  names?: readonly string[];
  message?: RegExp;
  code: string;
  /** A function gets the message's match, e.g. a region named in it. */
  hint: string | ((match: RegExpExecArray | null) => string);
  retryable?: boolean;
}

export interface SdkErrorService {
  /** Code prefix of the shared kinds: GLUE → GLUE_ACCESS_DENIED, GLUE_THROTTLED, GLUE_UNAVAILABLE. */
  prefix: string;
  rows: readonly SdkErrorRow[];
  /** The service's hint for each shared kind but credentials (one hint everywhere). */
  hints: Readonly<Record<Exclude<SdkErrorKind, "credentials">, string>>;
  fallback: { code: string; hint: string };
}

export interface SdkErrorWording {
  /** The message around AWS's own words: (detail) => `Could not create the job: ${detail}`. */
  message: (detail: string) => string;
  /** Cuts what must never be shown (a secret's value) out of AWS's words before anything reads them. */
  redact?: (text: string) => string;
  /** Keep the SDK exception as `cause` (default true). */
  keepCause?: boolean;
  /** The specifics the UI fills into its own language's text (a function's or a secret's name). */
  params?: MessageParams;
}

/** An SDK exception as a LakebookError; a LakebookError passes through as it is. */
export function classifySdkError(
  error: unknown,
  service: SdkErrorService,
  wording: SdkErrorWording,
): LakebookError {
  if (error instanceof LakebookError) return error;
  const sdk = sdkErrorShape(error);
  const name = sdk.name ?? "Error";
  const raw = sdk.message || name;
  const detail = wording.redact ? wording.redact(raw) : raw;
  const make = (code: string, hint: string, retryable: boolean) =>
    new LakebookError(code, wording.message(detail), {
      hint,
      retryable,
      ...(wording.keepCause === false ? {} : { cause: error }),
      ...(wording.params ? { params: wording.params } : {}),
    });

  const kind = sdkErrorKind(error);
  if (kind === "credentials") return make("AWS_CREDENTIALS", CREDENTIALS_HINT, false);
  const row = matchRow(service.rows, name, detail);
  if (row) return make(row.row.code, hintOf(row.row, row.match), row.row.retryable ?? false);
  if (kind) {
    const shared = SDK_ERROR_KINDS[kind];
    return make(shared.code.replace("<P>", service.prefix), service.hints[kind], shared.retryable);
  }
  return make(service.fallback.code, service.fallback.hint, false);
}

/** The first row for this exception name and message. */
export function matchRow(
  rows: readonly SdkErrorRow[],
  name: string | undefined,
  detail: string,
): { row: SdkErrorRow; match: RegExpExecArray | null } | undefined {
  for (const row of rows) {
    if (row.names && !row.names.includes(name ?? "")) continue;
    const match = row.message ? row.message.exec(detail) : null;
    if (row.message && !match) continue;
    return { row, match };
  }
  return undefined;
}

export function hintOf(row: SdkErrorRow, match: RegExpExecArray | null): string {
  return typeof row.hint === "function" ? row.hint(match) : row.hint;
}
