import {
  type Architecture,
  CreateFunctionCommand,
  type FunctionConfiguration,
  GetFunctionCommand,
  type LambdaClient,
  type Runtime,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import { sdkErrorName } from "../sdk-errors";
import { DEFAULT_LAMBDA_POLLING, isReady, type LambdaPolling, waitUntilReady } from "./function-state";
import { lambdaError } from "./lambda-errors";

/** A zip-packaged function as Lakebook wants it to be. */
export interface LambdaFunctionSpec {
  functionName: string;
  roleArn: string;
  runtime: Runtime;
  /** `index.handler`: the `handler` export of `index.mjs`. */
  handler: string;
  timeoutSeconds: number;
  memoryMb: number;
  architecture: Architecture;
  /** Plain settings only: anything here is readable by whoever may read the function's configuration. */
  environment: Record<string, string>;
  description: string;
  /** `sha256`: the zip's SHA-256 in base64, as Lambda reports CodeSha256. */
  code: { zip: Uint8Array; sha256: string };
}

export interface EnsuredFunction {
  functionArn: string;
  created: boolean;
  codeUpdated: boolean;
  configurationUpdated: boolean;
}

/**
 * Makes the function match `spec`: CreateFunction when it does not exist; otherwise
 * UpdateFunctionCode only when the code's SHA-256 (or the architecture) differs and
 * UpdateFunctionConfiguration only when a setting differs. Waits after each change until the
 * function is Active with its last update Successful, so the next call is not refused.
 */
export async function ensureFunction(
  client: LambdaClient,
  spec: LambdaFunctionSpec,
  polling: LambdaPolling = DEFAULT_LAMBDA_POLLING,
): Promise<EnsuredFunction> {
  const functionName = spec.functionName;
  const call = async <T>(action: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      throw lambdaError(error, { action, functionName });
    }
  };
  let current: FunctionConfiguration | undefined;
  try {
    current = (await client.send(new GetFunctionCommand({ FunctionName: functionName }))).Configuration;
  } catch (error) {
    if (sdkErrorName(error) !== "ResourceNotFoundException")
      throw lambdaError(error, { action: "read", functionName });
  }
  if (!current) {
    await call("create", () => client.send(new CreateFunctionCommand(createRequest(spec))));
    const ready = await waitUntilReady(client, functionName, polling);
    return {
      functionArn: ready.FunctionArn ?? "",
      created: true,
      codeUpdated: false,
      configurationUpdated: false,
    };
  }
  if (!isReady(current)) current = await waitUntilReady(client, functionName, polling);
  const codeUpdated =
    current.CodeSha256 !== spec.code.sha256 || current.Architectures?.[0] !== spec.architecture;
  if (codeUpdated) {
    await call("update the code of", () =>
      client.send(
        new UpdateFunctionCodeCommand({
          FunctionName: functionName,
          ZipFile: spec.code.zip,
          Architectures: [spec.architecture],
        }),
      ),
    );
    current = await waitUntilReady(client, functionName, polling);
  }
  const configurationUpdated = configurationDiffers(current, spec);
  if (configurationUpdated) {
    await call("update the settings of", () =>
      client.send(new UpdateFunctionConfigurationCommand(configurationRequest(spec))),
    );
    current = await waitUntilReady(client, functionName, polling);
  }
  return { functionArn: current.FunctionArn ?? "", created: false, codeUpdated, configurationUpdated };
}

function configurationRequest(spec: LambdaFunctionSpec) {
  return {
    FunctionName: spec.functionName,
    Role: spec.roleArn,
    Runtime: spec.runtime,
    Handler: spec.handler,
    Description: spec.description,
    Timeout: spec.timeoutSeconds,
    MemorySize: spec.memoryMb,
    Environment: { Variables: spec.environment },
  };
}

function createRequest(spec: LambdaFunctionSpec) {
  return {
    ...configurationRequest(spec),
    PackageType: "Zip" as const,
    Code: { ZipFile: spec.code.zip },
    Architectures: [spec.architecture],
  };
}

function configurationDiffers(current: FunctionConfiguration, spec: LambdaFunctionSpec): boolean {
  const variables = current.Environment?.Variables ?? {};
  const sameEnvironment =
    Object.keys(variables).length === Object.keys(spec.environment).length &&
    Object.entries(spec.environment).every(([key, value]) => variables[key] === value);
  return (
    current.Role !== spec.roleArn ||
    current.Runtime !== spec.runtime ||
    current.Handler !== spec.handler ||
    (current.Description ?? "") !== spec.description ||
    current.Timeout !== spec.timeoutSeconds ||
    current.MemorySize !== spec.memoryMb ||
    !sameEnvironment
  );
}
