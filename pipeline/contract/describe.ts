import { z } from "zod";
import { ServiceErrorSchema } from "./errors";
import { ServiceEventSchema } from "./events";
import { methods } from "./methods";
import { ServiceReplySchema } from "./reply";
import { streamMethods } from "./streams";

/** Bumped on any incompatible change; the snapshot test fails until it is. */
export const CONTRACT_VERSION = 1;

/** The whole contract as JSON Schema, for the snapshot test and for clients in other languages. */
export function describeContract(): Record<string, unknown> {
  const described: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    described[name] = {
      params: z.toJSONSchema(method.params, { io: "input" }),
      result: z.toJSONSchema(method.result, { io: "output" }),
    };
  }
  const streams: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(streamMethods)) {
    streams[name] = {
      direction: method.direction,
      params: z.toJSONSchema(method.params, { io: "input" }),
      ...("result" in method ? { result: z.toJSONSchema(method.result, { io: "output" }) } : {}),
    };
  }
  return {
    version: CONTRACT_VERSION,
    methods: described,
    streams,
    reply: z.toJSONSchema(ServiceReplySchema),
    events: z.toJSONSchema(ServiceEventSchema),
    error: z.toJSONSchema(ServiceErrorSchema),
  };
}
