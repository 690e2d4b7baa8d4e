import {
  type MethodName,
  type MethodParams,
  type MethodResult,
  methods,
  type ServiceEvent,
  ServiceEventSchema,
} from "../../../pipeline/contract";
import { httpTransport } from "./http-transport";
import type { Transport } from "./transport";

/**
 * The UI's only way to the service. Results and events are validated with the same zod schemas
 * the service uses, so a mismatch shows up at the boundary instead of deep in a component.
 */
export class ServiceClient {
  constructor(private readonly transport: Transport) {}

  async call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    const result = await this.transport.call(method, params);
    return methods[method].result.parse(result) as MethodResult<M>;
  }

  eventsConnected(): Promise<void> {
    return this.transport.whenConnected();
  }

  close(): void {
    this.transport.close();
  }

  resultCsvUrl(resultId: string): string | undefined {
    return this.transport.resultCsvUrl?.(resultId);
  }

  onEvent(listener: (event: ServiceEvent) => void): () => void {
    return this.transport.onEvent((raw) => {
      const parsed = ServiceEventSchema.safeParse(raw);
      if (parsed.success) listener(parsed.data);
    });
  }
}

type DesktopBridge = { lakebook?: Transport };

/**
 * The one place the transport is chosen: the desktop shell's preload exposes `window.lakebook`;
 * in a browser the page was opened with `?token=` by `lakebook serve`.
 */
export function resolveTransport(win: Window & DesktopBridge): Transport {
  if (win.lakebook) return win.lakebook;
  const token = new URL(win.location.href).searchParams.get("token") ?? "";
  return httpTransport({ baseUrl: win.location.origin, token });
}
