import type {
  MethodName,
  MethodParams,
  MethodResult,
  ServiceEvent,
  StreamMethodName,
} from "../../../../pipeline/contract";
import type { Notebook } from "../../../../pipeline/document";
import { ServiceClient } from "../../../../renderer/src/service/client";
import { ServiceCallError, type Transport } from "../../../../renderer/src/service/transport";

type Handler<M extends MethodName> = (params: MethodParams<M>) => unknown | Promise<unknown>;
export type Handlers = { [M in MethodName]?: Handler<M> };

export interface FakeService {
  client: ServiceClient;
  calls: { method: MethodName | StreamMethodName; params: unknown }[];
  emit(event: ServiceEvent): void;
  handle<M extends MethodName>(method: M, handler: Handler<M>): void;
  callsOf(method: MethodName | StreamMethodName): unknown[];
}

/**
 * The real ServiceClient over an in-memory transport: results still go through the contract's zod
 * schemas, so a handler returning the wrong shape fails the test the way the real service would.
 */
export function fakeService(handlers: Handlers = {}): FakeService {
  const listeners = new Set<(event: unknown) => void>();
  const calls: FakeService["calls"] = [];
  const table: Handlers = { ...handlers };
  const transport: Transport = {
    async call(method, params) {
      calls.push({ method, params });
      const handler = table[method] as Handler<typeof method> | undefined;
      if (!handler)
        throw new ServiceCallError("UNKNOWN_METHOD", `fake service has no ${method}`, undefined, false);
      return handler(params as never);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenConnected: async () => {},
    close() {},
    // Stream methods are recorded like calls; a test that needs their bytes spies on the client.
    async download(method, params) {
      calls.push({ method, params });
      return { blob: new Blob([""]), fileName: `${method}.download` };
    },
    async upload(method, params) {
      calls.push({ method, params });
      throw new ServiceCallError("UNKNOWN_METHOD", `fake service has no ${method}`, undefined, false);
    },
  };
  return {
    client: new ServiceClient(transport),
    calls,
    emit: (event) => {
      for (const listener of [...listeners]) listener(event);
    },
    handle: (method, handler) => {
      (table as Record<string, unknown>)[method] = handler;
    },
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.params),
  };
}

export function notebookOf(
  cells: { id: string; kind: string; source?: string; attrs?: Notebook["cells"][number]["attrs"] }[],
): Notebook {
  return {
    meta: { lakebook: 1, title: "Test notebook", target: { kind: "local" } },
    cells: cells.map((c) => ({ id: c.id, kind: c.kind, attrs: c.attrs ?? [], source: c.source ?? "" })),
  };
}

export type Result<M extends MethodName> = MethodResult<M>;
