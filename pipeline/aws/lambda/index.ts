/** AWS Lambda: make a zip function match its spec, wait for it, and invoke it asynchronously. */
export { disableAsyncRetries } from "./async-config";
export { DEFAULT_LAMBDA_POLLING, isReady, type LambdaPolling, waitUntilReady } from "./function-state";
export { invokeAsync, MAX_ASYNC_PAYLOAD_BYTES } from "./invoke";
export { type LambdaErrorContext, lambdaError } from "./lambda-errors";
export { type EnsuredFunction, ensureFunction, type LambdaFunctionSpec } from "./lambda-function";
