import { randomBytes } from "node:crypto";
import type { DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBResult } from "@duckdb/node-api";
import type { Column } from "../contract/catalog";
import type { Row } from "../contract/results";
import { resultNotFound } from "./errors";
import { quoteIdentifier } from "./sql";
import type { Cancellation } from "./statements";
import { columnsOf, firstRowsOfChunk, rowsOfChunk } from "./values";

/** Regular tables in their own schema, not TEMP tables: TEMP is per connection, and every query has its own. */
export const RESULTS_SCHEMA = "__results";

export interface StoredResult {
  id: string;
  /** Undefined for statements that return no rows (DDL, INSERT, COPY, SET…): nothing to page. */
  table: string | undefined;
  columns: Column[];
  rowCount: number;
}

/**
 * Query results kept on the DuckDB side so paging a million rows never holds them in JS.
 * Rows are appended chunk by chunk into a fresh table, so `rowid` is exactly the row's position
 * and a page is a `rowid` range scan (DuckDB pushes the filter down: reading the page at
 * 500,000 touches one row group, not half the table). The Map's insertion order is the LRU order.
 */
export class ResultStore {
  private readonly results = new Map<string, StoredResult>();
  private readonly tag = randomBytes(3).toString("hex");
  private serial = 0;

  constructor(
    private readonly instance: DuckDBInstance,
    /** Shared by page/release: short reads and DROPs that need no cancelling. */
    private readonly reader: DuckDBConnection,
    private readonly capacity: number,
  ) {}

  static async prepare(connection: DuckDBConnection): Promise<void> {
    await connection.run(`CREATE SCHEMA IF NOT EXISTS ${RESULTS_SCHEMA}`);
  }

  get size(): number {
    return this.results.size;
  }

  async storeEmpty(): Promise<StoredResult> {
    return this.add({ id: this.nextId(), table: undefined, columns: [], rowCount: 0 });
  }

  /**
   * Drains a streaming result into a new table; a failure or cancel leaves no table behind. Its
   * first `firstRows` rows come back too, read from the chunks on their way in: what `page(id, 0,
   * firstRows)` would return, without that query (the largest part of a small query's time).
   */
  async store(
    result: DuckDBResult,
    cancellation: Cancellation,
    firstRows = 0,
  ): Promise<{ stored: StoredResult; first: Row[] }> {
    const id = this.nextId();
    const columns = columnsOf(result);
    const table = `${RESULTS_SCHEMA}.${quoteIdentifier(id)}`;
    // Appending on the streaming connection would end its stream (DuckDB closes an open stream
    // when its connection runs anything else), so the rows go in through a second connection.
    const sink = await this.instance.connect();
    try {
      // Positional names: result names may repeat or be empty; DuckDB's type strings are valid DDL.
      const definition = result.columnTypes().map((type, index) => `c${index} ${type.toString()}`);
      await sink.run(`CREATE TABLE ${table} (${definition.join(", ")})`);
      const first: Row[] = [];
      const rowCount = await appendAll(sink, id, result, cancellation, (chunk) => {
        if (first.length < firstRows)
          first.push(...firstRowsOfChunk(chunk, columns, firstRows - first.length));
      });
      return { stored: await this.add({ id, table, columns, rowCount }), first };
    } catch (error) {
      await sink.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      throw error;
    } finally {
      sink.closeSync();
    }
  }

  async page(id: string, offset: number, limit: number): Promise<Row[]> {
    const stored = this.touch(id);
    if (!stored.table || limit === 0 || offset >= stored.rowCount) return [];
    const end = Math.min(offset + limit, stored.rowCount);
    const result = await this.reader.run(
      `SELECT * FROM ${stored.table} WHERE rowid >= ${offset} AND rowid < ${end} ORDER BY rowid`,
    );
    const rows: Row[] = [];
    for (const chunk of await result.fetchAllChunks()) rows.push(...rowsOfChunk(chunk, stored.columns));
    return rows;
  }

  columns(id: string): Column[] {
    return this.touch(id).columns;
  }

  /** Idempotent: releasing a result the LRU already dropped is not an error. */
  async release(id: string): Promise<void> {
    const stored = this.results.get(id);
    if (!stored) return;
    this.results.delete(id);
    if (stored.table) await this.reader.run(`DROP TABLE IF EXISTS ${stored.table}`);
  }

  private touch(id: string): StoredResult {
    const stored = this.results.get(id);
    if (!stored) throw resultNotFound(id);
    this.results.delete(id);
    this.results.set(id, stored);
    return stored;
  }

  private async add(stored: StoredResult): Promise<StoredResult> {
    this.results.set(stored.id, stored);
    for (const oldest of this.results.keys()) {
      if (this.results.size <= this.capacity) break;
      await this.release(oldest);
    }
    return stored;
  }

  private nextId(): string {
    this.serial += 1;
    return `r_${this.tag}_${this.serial}`;
  }
}

async function appendAll(
  sink: DuckDBConnection,
  table: string,
  result: DuckDBResult,
  cancellation: Cancellation,
  onChunk: (chunk: DuckDBDataChunk) => void,
): Promise<number> {
  const appender = await sink.createAppender(table, RESULTS_SCHEMA);
  let rowCount = 0;
  try {
    for (;;) {
      cancellation.check();
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      onChunk(chunk);
      appender.appendDataChunk(chunk);
      rowCount += chunk.rowCount;
    }
    // An interrupted stream just ends, as if it were complete: only the signal tells a cut-short
    // result from a whole one.
    cancellation.check();
    appender.closeSync(); // flushes the last rows
    return rowCount;
  } catch (error) {
    try {
      appender.clear();
      appender.closeSync();
    } catch {
      // The table is dropped by the caller; a second failure would only hide the first.
    }
    throw error;
  }
}
