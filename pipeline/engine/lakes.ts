import path from "node:path";
import { Engine } from "./engine";
import type { EngineOptions } from "./options";

const engines = new Map<string, Promise<Engine>>();

/**
 * One engine per lake folder in this process, so the service and the CLI commands it runs share
 * views, results and the memory budget. The first caller's options win; a closed engine is
 * replaced on the next call.
 */
export async function openEngineForLake(lakeRoot: string, options: EngineOptions = {}): Promise<Engine> {
  const key = path.resolve(lakeRoot);
  const cached = engines.get(key);
  if (cached) {
    const engine = await cached.catch(() => undefined);
    if (engine && !engine.isClosed) return engine;
    if (engines.get(key) === cached) engines.delete(key);
    return openEngineForLake(lakeRoot, options);
  }
  const opening = Engine.open(options);
  engines.set(key, opening);
  opening.catch(() => engines.delete(key));
  return opening;
}
