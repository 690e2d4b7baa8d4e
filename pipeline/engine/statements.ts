import type { DuckDBConnection, DuckDBExtractedStatements, DuckDBPreparedStatement } from "@duckdb/node-api";
import { readDuckDBError } from "./duckdb-error";
import { cancelledError } from "./errors";

/**
 * Ties an AbortSignal to one connection: abort → `connection.interrupt()`, which stops only the
 * statement running on that connection. Between statements nothing runs to interrupt, so callers
 * also call `check()` at each step.
 */
export interface Cancellation {
  check(): void;
  /** After a failure: CANCELLED if the signal fired (DuckDB's INTERRUPT or any error it caused). */
  translate(error: unknown): unknown;
  dispose(): void;
}

export function watchAbort(connection: DuckDBConnection, signal: AbortSignal | undefined): Cancellation {
  let repeat: NodeJS.Timeout | undefined;
  const onAbort = () => {
    connection.interrupt();
    // An interrupt that lands before DuckDB starts executing (between our last check and the
    // query's start) is lost: DuckDB clears the flag when a query begins. Keep interrupting until
    // the call settles and disposes this watch.
    repeat = setInterval(() => connection.interrupt(), 25);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  const cancellation: Cancellation = {
    check() {
      if (signal?.aborted) throw cancelledError(signal.reason);
    },
    translate(error) {
      return signal?.aborted ? cancelledError(error) : error;
    },
    dispose() {
      clearInterval(repeat);
      signal?.removeEventListener("abort", onAbort);
    },
  };
  cancellation.check();
  return cancellation;
}

/**
 * Runs every statement of `sql` but the last, and returns the last one prepared, not executed,
 * so the caller decides how to run it (materialise, stream, or just run). DuckDB splits and
 * classifies the statements; each is prepared only after the previous one ran, so
 * `CREATE TABLE t …; SELECT * FROM t` binds. Undefined when the text holds no statement.
 */
export async function runAllButLast(
  connection: DuckDBConnection,
  sql: string,
  cancellation: Cancellation,
): Promise<DuckDBPreparedStatement | undefined> {
  const statements = await extract(connection, sql);
  if (!statements) return undefined;
  for (let index = 0; index < statements.count; index += 1) {
    cancellation.check();
    const prepared = await statements.prepare(index);
    if (index === statements.count - 1) return prepared;
    await prepared.run();
  }
  return undefined;
}

/**
 * Text with no statement (blank, only comments) parses fine but the binding then throws while
 * reading an error DuckDB never set. Every real DuckDB error is structured (errors_as_json), so
 * an unstructured one here means "nothing to run".
 */
async function extract(
  connection: DuckDBConnection,
  sql: string,
): Promise<DuckDBExtractedStatements | undefined> {
  if (sql.trim() === "") return undefined;
  try {
    return await connection.extractStatements(sql);
  } catch (error) {
    if (readDuckDBError(error).type === "Unknown") return undefined;
    throw error;
  }
}
