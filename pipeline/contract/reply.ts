import { z } from "zod";
import { type ServiceError, ServiceErrorSchema } from "./errors";

/**
 * What every transport answers, for a call, a download's start or an upload's end: the method's
 * result, or the error as data. The HTTP host sends it as the JSON body, the IPC bridge returns it
 * from `invoke`, and both renderer transports read it with this one schema.
 */
export const ServiceReplySchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ServiceErrorSchema }),
]);
export type ServiceReply<T = unknown> = { ok: true; result: T } | { ok: false; error: ServiceError };

export const okReply = <T>(result: T): ServiceReply<T> => ({ ok: true, result });
export const errorReply = (error: ServiceError): { ok: false; error: ServiceError } => ({ ok: false, error });

/**
 * Reads whatever came over the wire as a reply. Anything else (a proxy's HTML page, a truncated
 * body) becomes an error reply with `fallback`'s code, so callers handle one shape only.
 */
export function readReply(raw: unknown, fallback: ServiceError): ServiceReply {
  const parsed = ServiceReplySchema.safeParse(raw);
  return parsed.success ? (parsed.data as ServiceReply) : errorReply(fallback);
}
