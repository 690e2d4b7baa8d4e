import { type DuckDBConnection, DuckDBInstance, ResultReturnType } from "@duckdb/node-api";
import type { Column } from "../contract/catalog";
import type { QueryResult, Row } from "../contract/results";
import { engineClosed, invalidArgument, toEngineError } from "./errors";
import { confinementStatements, DEFAULT_MAX_RESULTS, duckdbConfig, type EngineOptions } from "./options";
import { ResultStore } from "./result-store";
import { type Cancellation, runAllButLast, watchAbort } from "./statements";
import { columnsOf, rowsOfChunk } from "./values";

export interface QueryOptions {
  /** Rows returned with the result (default 100); the rest is read with `page`. */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface RunOptions {
  signal?: AbortSignal;
}

export interface ResultChunk {
  columns: Column[];
  rows: Row[];
}

const DEFAULT_PAGE_SIZE = 100;

/**
 * One in-memory DuckDB per lake. Every call gets its own connection (they cost ~0.1 ms), so
 * cancelling interrupts exactly that call and one slow cell never queues behind another.
 * The price: session state does not carry over between calls: TEMP tables, `USE`/search_path,
 * an open transaction. Regular tables, views and `SET` of global options do.
 * Results live as tables in the `__results` schema (see ResultStore), pageable from any call.
 */
export class Engine {
  /** Connections with work in progress: close() interrupts them. */
  private readonly active = new Set<DuckDBConnection>();
  /** Calls in flight: close() waits for them, since closing a connection mid-call never settles it. */
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly reader: DuckDBConnection,
    private readonly results: ResultStore,
  ) {}

  static async open(options: EngineOptions = {}): Promise<Engine> {
    const maxResults = options.maxResults ?? DEFAULT_MAX_RESULTS;
    if (!Number.isInteger(maxResults) || maxResults < 1) {
      throw invalidArgument(`maxResults must be a positive integer, not ${maxResults}.`);
    }
    if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1)) {
      throw invalidArgument(`threads must be a positive integer, not ${options.threads}.`);
    }
    try {
      const config = duckdbConfig(options);
      const instance = await DuckDBInstance.create(":memory:", config);
      const reader = await instance.connect();
      if (options.confineTo) {
        for (const statement of confinementStatements(options.confineTo, config.temp_directory ?? "")) {
          await reader.run(statement);
        }
      }
      await ResultStore.prepare(reader);
      return new Engine(instance, reader, new ResultStore(instance, reader, maxResults));
    } catch (error) {
      throw toEngineError(error);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs `sql` (one or more statements); the last statement's rows stay in DuckDB, the first page comes back. */
  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    assertCount("pageSize", pageSize);
    const started = performance.now();
    const { stored, first: rows } = await this.withConnection(
      sql,
      options.signal,
      async (connection, cancellation) => {
        const last = await runAllButLast(connection, sql, cancellation);
        const empty = async () => ({ stored: await this.results.storeEmpty(), first: [] });
        if (!last) return empty();
        const result = await last.stream();
        // DuckDB, not a regex, says whether the statement returns rows: SELECT, EXPLAIN, CALL,
        // INSERT … RETURNING do; DDL, plain INSERT, COPY, SET do not.
        if (result.returnType !== ResultReturnType.QUERY_RESULT) return empty();
        // The first page is taken from the rows as they are stored: no second query for it.
        return this.results.store(result, cancellation, pageSize);
      },
    );
    const { id: resultId, columns, rowCount } = stored;
    return { resultId, columns, rowCount, rows, ms: Math.max(0, performance.now() - started) };
  }

  async page(resultId: string, offset: number, limit: number): Promise<Row[]> {
    this.assertOpen();
    assertCount("offset", offset);
    assertCount("limit", limit);
    return this.track(
      this.results.page(resultId, offset, limit).catch((error: unknown) => {
        throw toEngineError(error);
      }),
    );
  }

  /** The columns of a kept result, e.g. for a CSV header when it has no rows. */
  resultColumns(resultId: string): Column[] {
    this.assertOpen();
    try {
      return this.results.columns(resultId);
    } catch (error) {
      throw toEngineError(error);
    }
  }

  async release(resultId: string): Promise<void> {
    this.assertOpen();
    return this.track(
      this.results.release(resultId).catch((error: unknown) => {
        throw toEngineError(error);
      }),
    );
  }

  /** The last statement's rows, chunk by chunk as DuckDB produces them (about 2,048 rows each). */
  async *stream(sql: string, options: RunOptions = {}): AsyncGenerator<ResultChunk> {
    this.assertOpen();
    const connection = await this.connect();
    let cancellation: Cancellation | undefined;
    try {
      cancellation = watchAbort(connection, options.signal);
      const last = await runAllButLast(connection, sql, cancellation);
      if (!last) return;
      const result = await last.stream();
      if (result.returnType !== ResultReturnType.QUERY_RESULT) return;
      const columns = columnsOf(result);
      for (;;) {
        cancellation.check();
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        yield { columns, rows: rowsOfChunk(chunk, columns) };
      }
      // An interrupted stream ends like a complete one: tell the reader it was cut short.
      cancellation.check();
      this.assertOpen();
    } catch (error) {
      throw this.closed
        ? engineClosed(error)
        : toEngineError(cancellation ? cancellation.translate(error) : error, sql);
    } finally {
      cancellation?.dispose();
      this.disconnect(connection);
    }
  }

  /** Runs every statement for its effect (DDL, COPY, INSERT…); rows a statement returns are discarded. */
  async run(sql: string, options: RunOptions = {}): Promise<void> {
    await this.withConnection(sql, options.signal, async (connection, cancellation) => {
      const last = await runAllButLast(connection, sql, cancellation);
      await last?.run();
    });
  }

  /**
   * Interrupts running calls, waits for them to fail, then frees the database; later calls fail
   * with ENGINE_CLOSED. A stream paused between chunks ends with ENGINE_CLOSED when next read.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const connection of this.active) connection.interrupt();
    await Promise.allSettled([...this.running]);
    this.reader.closeSync();
    this.instance.closeSync();
  }

  private async withConnection<T>(
    sql: string,
    signal: AbortSignal | undefined,
    work: (connection: DuckDBConnection, cancellation: Cancellation) => Promise<T>,
  ): Promise<T> {
    this.assertOpen();
    return this.track(
      (async () => {
        const connection = await this.connect();
        let cancellation: Cancellation | undefined;
        try {
          cancellation = watchAbort(connection, signal);
          const result = await work(connection, cancellation);
          this.assertOpen(); // an interrupt from close() can end a stream as if it were complete
          return result;
        } catch (error) {
          throw this.closed
            ? engineClosed(error)
            : toEngineError(cancellation ? cancellation.translate(error) : error, sql);
        } finally {
          cancellation?.dispose();
          this.disconnect(connection);
        }
      })(),
    );
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  private async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    this.active.add(connection);
    return connection;
  }

  private disconnect(connection: DuckDBConnection): void {
    if (!this.active.delete(connection)) return;
    connection.closeSync();
  }

  private assertOpen(): void {
    if (this.closed) throw engineClosed();
  }
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalidArgument(`${name} must be a non-negative integer, not ${value}.`);
  }
}
