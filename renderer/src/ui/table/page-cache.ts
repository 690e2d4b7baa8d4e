import type { Row } from "../../../../pipeline/contract";
import { pagesFor } from "./virtual-window";

export interface PageCacheOptions {
  rowCount: number;
  pageSize: number;
  /** Most pages kept; the least recently used go first. */
  maxPages: number;
  fetchPage(offset: number, limit: number): Promise<Row[]>;
  /** Called when a page arrives, so the table draws it. */
  onChange(): void;
  /** Waits this long after the last request before fetching, so a fast scroll fetches only where it stops. */
  settleMs?: number;
}

/**
 * Rows of a service-side result, a page at a time (`query.page`), in a bounded LRU: scrolling a
 * million rows never keeps more than `maxPages × pageSize` of them in the browser.
 */
export class PageCache {
  private pages = new Map<number, Row[]>();
  private inFlight = new Map<number, Promise<void>>();
  private wanted: number[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly options: PageCacheOptions) {}

  /** Keeps the first page that came with the result. */
  seed(rows: readonly Row[]): void {
    const { pageSize, rowCount } = this.options;
    for (let p = 0; p * pageSize < rows.length; p++) {
      const page = rows.slice(p * pageSize, (p + 1) * pageSize);
      if (page.length === pageSize || p * pageSize + page.length === rowCount) this.store(p, page);
    }
  }

  row(index: number): Row | undefined {
    const { pageSize } = this.options;
    const page = this.pages.get(Math.floor(index / pageSize));
    return page?.[index % pageSize];
  }

  has(index: number): boolean {
    return this.pages.has(Math.floor(index / this.options.pageSize));
  }

  cachedPages(): number[] {
    return [...this.pages.keys()];
  }

  /**
   * Rows [first, last) are needed: touches cached pages, fetches the missing ones once things settle
   * (at once when `now`, e.g. after "Go to row").
   */
  ensure(first: number, last: number, now = false): void {
    const needed = pagesFor(first, Math.min(last, this.options.rowCount), this.options.pageSize);
    for (const p of needed) this.touch(p);
    this.wanted = needed.filter((p) => !this.pages.has(p) && !this.inFlight.has(p));
    if (this.wanted.length === 0) return;
    if (this.timer) clearTimeout(this.timer);
    const settle = now ? 0 : (this.options.settleMs ?? 40);
    if (settle <= 0) this.fetchWanted();
    else this.timer = setTimeout(() => this.fetchWanted(), settle);
  }

  /** Loads the pages holding rows [first, last) now, for a jump that should land on data. */
  async load(first: number, last: number): Promise<void> {
    const needed = pagesFor(first, Math.min(last, this.options.rowCount), this.options.pageSize);
    await Promise.all(needed.map((p) => this.fetch(p)));
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private fetchWanted(): void {
    for (const p of this.wanted) void this.fetch(p);
    this.wanted = [];
  }

  /** Fetches one page once (concurrent callers share the request); resolves when it is cached. */
  private fetch(page: number): Promise<void> {
    if (this.pages.has(page)) return Promise.resolve();
    const pending = this.inFlight.get(page);
    if (pending) return pending;
    const { pageSize } = this.options;
    const request = this.options
      .fetchPage(page * pageSize, pageSize)
      .then((rows) => {
        if (this.disposed) return;
        this.store(page, rows);
        this.options.onChange();
      })
      .catch(() => {})
      .finally(() => this.inFlight.delete(page));
    this.inFlight.set(page, request);
    return request;
  }

  private touch(page: number): void {
    const rows = this.pages.get(page);
    if (!rows) return;
    this.pages.delete(page);
    this.pages.set(page, rows);
  }

  private store(page: number, rows: Row[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.options.maxPages) {
      this.pages.delete(this.pages.keys().next().value as number);
    }
  }
}
