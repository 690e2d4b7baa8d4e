import { z } from "zod";
import { ServiceErrorSchema } from "./errors";
import { ServiceEventSchema } from "./events";
import { methods } from "./methods";

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
  return {
    version: CONTRACT_VERSION,
    methods: described,
    events: z.toJSONSchema(ServiceEventSchema),
    error: z.toJSONSchema(ServiceErrorSchema),
  };
}
