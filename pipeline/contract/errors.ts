import { z } from "zod";
import { type MessageParams, MessageParamsSchema } from "./messages";

/**
 * Errors cross every boundary (service, CLI, UI) as data, never as stack traces.
 * `hint` says what the user can do about it; `retryable` tells the UI whether "Try again" makes sense.
 */
export const ServiceErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  hint: z.string().optional(),
  retryable: z.boolean(),
  /**
   * The variable parts of the message (file, line, table), so the UI can say it in the user's
   * language by `code`; without them it keeps the English `message` inside its translation.
   */
  params: MessageParamsSchema.optional(),
  /** The engine's own words (DuckDB's, Athena's), for the curious and for bug reports: shown folded. */
  details: z.string().optional(),
  /** Where in the cell's text it went wrong, 1-based: the editor puts a marker there. */
  at: z.object({ line: z.number().int().positive(), column: z.number().int().positive() }).optional(),
});
export type ServiceError = z.infer<typeof ServiceErrorSchema>;

export type ErrorPlace = { line: number; column: number };

/** The same error placed elsewhere (or nowhere, `undefined`): when the text it points into was rewritten. */
export function placedAt(error: LakebookError, at: ErrorPlace | undefined): LakebookError {
  const moved = new LakebookError(error.code, error.message, {
    ...(error.hint ? { hint: error.hint } : {}),
    retryable: error.retryable,
    cause: error.cause,
    ...(error.details ? { details: error.details } : {}),
    ...(at ? { at } : {}),
  });
  return moved;
}

/** The error class pipeline code throws; `toServiceError` turns any thrown value into the wire shape. */
export class LakebookError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly retryable: boolean;
  readonly params: MessageParams | undefined;
  readonly details: string | undefined;
  readonly at: ErrorPlace | undefined;

  constructor(
    code: string,
    message: string,
    options: {
      hint?: string;
      retryable?: boolean;
      cause?: unknown;
      params?: MessageParams;
      details?: string;
      at?: ErrorPlace;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "LakebookError";
    this.code = code;
    this.hint = options.hint;
    this.retryable = options.retryable ?? false;
    this.params = options.params;
    this.details = options.details;
    this.at = options.at;
  }

  toJSON(): ServiceError {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      retryable: this.retryable,
      ...(this.params ? { params: this.params } : {}),
      ...(this.details ? { details: this.details } : {}),
      ...(this.at ? { at: this.at } : {}),
    };
  }
}

export function toServiceError(error: unknown): ServiceError {
  if (error instanceof LakebookError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: "INTERNAL", message: message || "Unexpected error", retryable: false };
}
