import { hasOperation, operationInput } from "./model";
import { type Violation, validateValue } from "./validate";

/** A command as the v3 SDK sends it: `new CreateTableCommand(input)`. */
export interface SentCommand {
  constructor: { name: string };
  input?: unknown;
}

export interface RequestViolation extends Violation {
  /** `GlueClient.CreateTable` */
  request: string;
}

/**
 * Checks one request against its service's published model. The operation is the command's class
 * name without `Command` (`CreateTableCommand` → CreateTable), the service the client's class name.
 */
export function checkRequest(clientName: string, command: SentCommand): RequestViolation[] {
  const operation = command.constructor.name.replace(/Command$/, "");
  const request = `${clientName}.${operation}`;
  if (!hasOperation(clientName, operation)) {
    return [{ request, path: "(command)", rule: "operation", message: "the model has no such operation" }];
  }
  const shape = operationInput(clientName, operation);
  if (!shape) return [];
  return validateValue(shape, command.input ?? {}).map((violation) => ({ request, ...violation }));
}

export function describeViolations(violations: readonly RequestViolation[]): string {
  const lines = violations.map((v) => `  ${v.request} ${v.path}: ${v.rule}: ${v.message}`);
  return `AWS would reject ${violations.length === 1 ? "this request" : "these requests"} (published API model):\n${lines.join("\n")}`;
}
