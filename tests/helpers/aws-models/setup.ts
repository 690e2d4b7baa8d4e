import { createRequire } from "node:module";
import { afterAll, afterEach, vi } from "vitest";
import { describeViolations } from "./requests";
import { checkedRequests, recordSentRequest, takeRequestViolations } from "./watched-requests";

/**
 * Vitest runs this before every test file (`setupFiles` in vitest.config.ts), so no test can
 * forget it: every `mockClient(...)` any test makes is watched, every request a real SDK client
 * sends is checked, and a test whose code sent a request AWS would reject fails, listing each
 * violation with its path and rule.
 */
vi.mock("aws-sdk-client-mock", async (importOriginal) => {
  const original = await importOriginal<typeof import("aws-sdk-client-mock")>();
  const { watchMockedClient } = await import("./watched-requests");
  const mockClient: typeof original.mockClient = (client, options) =>
    watchMockedClient(original.mockClient(client, options));
  // The mark lets a guard test see that the module tests import is this watched one.
  return { ...original, mockClient, requestsCheckedAgainstAwsModels: true };
});

// Real clients (the S3 client talking to s3rver): every SDK client's send() is @smithy/core's
// Client.prototype.send, loaded here the way the SDK packages load it (CommonJS), so it is the same one.
type Send = (command: unknown, ...rest: unknown[]) => unknown;
const smithy = createRequire(import.meta.url)("@smithy/core/client") as {
  Client: { prototype: { send: Send & { checked?: true } } };
};
const realSend = smithy.Client.prototype.send;
if (!realSend.checked) {
  const checkedSend: Send & { checked?: true } = function (this: object, command, ...rest) {
    recordSentRequest(this.constructor.name, command as { constructor: { name: string } });
    return realSend.call(this, command, ...rest);
  };
  checkedSend.checked = true;
  smithy.Client.prototype.send = checkedSend;
}

afterEach(() => {
  const violations = takeRequestViolations();
  if (violations.length > 0) throw new Error(describeViolations(violations));
});

afterAll(() => {
  if (process.env.LAKEBOOK_AWS_CHECKS && checkedRequests.size > 0) {
    const counts = [...checkedRequests].map(([request, count]) => `${request} ×${count}`);
    console.info(`AWS requests checked against the models: ${counts.join(", ")}`);
  }
});
