import { checkRequest, type RequestViolation, type SentCommand } from "./requests";

/**
 * Every request a test sends, checked against the published models: those sent through an
 * aws-sdk-client-mock stub (collected from the stub's call history) and those a real client sends
 * (recorded as they go out). `setup.ts` fails the test that sent any that AWS would reject.
 */
interface WatchedStub {
  clientName(): string;
  calls(): { args: unknown[] }[];
  reset(): unknown;
  resetHistory(): unknown;
}

const pending: RequestViolation[] = [];
/** Requests checked in this test file, by `Client.Operation`: `LAKEBOOK_AWS_CHECKS=1` prints them. */
export const checkedRequests = new Map<string, number>();
const stubs = new Set<WatchedStub>();
const checkedCalls = new WeakMap<WatchedStub, number>();

/** Called by the wrapped `mockClient` for each stub it makes. */
export function watchMockedClient<Stub extends WatchedStub>(stub: Stub): Stub {
  stubs.add(stub);
  // reset() and resetHistory() forget the calls: check them first, so a reset mid-test hides nothing.
  for (const method of ["reset", "resetHistory"] as const) {
    const original = stub[method].bind(stub);
    stub[method] = () => {
      collectFrom(stub);
      const result = original();
      checkedCalls.set(stub, 0);
      return result;
    };
  }
  return stub;
}

/** Called for each request a real client sends (to s3rver in the integration tests). */
export function recordSentRequest(clientName: string, command: SentCommand): void {
  check(clientName, command);
}

function check(clientName: string, command: SentCommand): void {
  const request = `${clientName}.${command.constructor.name.replace(/Command$/, "")}`;
  checkedRequests.set(request, (checkedRequests.get(request) ?? 0) + 1);
  pending.push(...checkRequest(clientName, command));
}

/** The violations since the last call, and forgets them. */
export function takeRequestViolations(): RequestViolation[] {
  for (const stub of stubs) collectFrom(stub);
  return pending.splice(0);
}

function collectFrom(stub: WatchedStub): void {
  const calls = stub.calls();
  const from = checkedCalls.get(stub) ?? 0;
  for (const call of calls.slice(from)) {
    const command = call.args[0] as SentCommand | undefined;
    if (command?.constructor) check(stub.clientName(), command);
  }
  checkedCalls.set(stub, calls.length);
}
