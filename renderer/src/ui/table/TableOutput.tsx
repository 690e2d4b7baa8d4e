import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import type { QueryResult, Row } from "../../../../pipeline/contract";
import { hiveType } from "../../../../pipeline/contract/glue-types";
import { formatNumber, useLocale, useT } from "../../i18n";
import { announce } from "../../state/announcer";
import { displayText, isNumericColumn, toTsv } from "./cell-text";
import { PageCache } from "./page-cache";
import { TableToolbar } from "./TableToolbar";
import { rowWindow, scrollTopForRow } from "./virtual-window";

export interface TableOutputProps {
  result: QueryResult;
  /** Accessible name of the table, e.g. "Result of top_subgenres". */
  label: string;
  fetchPage(offset: number, limit: number): Promise<Row[]>;
  /** "Export CSV": saves the whole result, not only the rows on screen. */
  onExportCsv?: (() => void) | undefined;
  maxHeight?: number;
  rowHeight?: number;
  pageSize?: number;
  maxPages?: number;
  settleMs?: number;
  /** Used until the real height is measured (and in jsdom, which has no layout). */
  initialViewportHeight?: number;
}

const HEAD_HEIGHT = 44;
const NUMBER_WIDTH = 80;
const COLUMN_WIDTH = 168;
const OVERSCAN = 10;

/** A query result drawn a window at a time over `query.page`: only the rows on screen are in the DOM. */
export function TableOutput(props: TableOutputProps) {
  const { result, rowHeight = 28, pageSize = 100, maxHeight = 360 } = props;
  const t = useT();
  const locale = useLocale();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one cache per result (see below); rebuilding it on every new fetcher would drop the fetched pages
  const cache = useMemo(() => {
    const c = new PageCache({
      rowCount: result.rowCount,
      pageSize,
      maxPages: props.maxPages ?? 40,
      fetchPage: props.fetchPage,
      onChange: redraw,
      ...(props.settleMs !== undefined ? { settleMs: props.settleMs } : {}),
    });
    c.seed(result.rows);
    return c;
    // A new result is a new cache; the fetcher of the same result never changes meaning.
  }, [result.resultId]);
  useEffect(() => () => cache.dispose(), [cache]);

  const scroller = useRef<HTMLDivElement>(null);
  const viewportHeight = Math.min(maxHeight, HEAD_HEIGHT + result.rowCount * rowHeight + 18);
  const [bodyHeight, setBodyHeight] = useState(props.initialViewportHeight ?? viewportHeight - HEAD_HEIGHT);
  const [scrollTop, setScrollTop] = useState(0);
  const [selected, setSelected] = useState<{ anchor: number; from: number; to: number } | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (element.clientHeight > 0) setBodyHeight(element.clientHeight - HEAD_HEIGHT);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const geometry = { viewportHeight: bodyHeight, rowCount: result.rowCount, rowHeight };
  const win = rowWindow({ ...geometry, scrollTop, overscan: OVERSCAN });
  useEffect(() => cache.ensure(win.first, win.last), [cache, win.first, win.last]);

  const columns = result.columns.map((c) => c.name);
  const width = NUMBER_WIDTH + COLUMN_WIDTH * columns.length;
  const template = `${NUMBER_WIDTH}px repeat(${columns.length}, ${COLUMN_WIDTH}px)`;

  // A jump lands on data: the rows it will show are fetched first, then the view moves.
  const goToRow = async (row: number) => {
    const visible = Math.ceil(bodyHeight / rowHeight) + 1;
    await cache.load(row, row + visible);
    const top = scrollTopForRow(row, geometry);
    if (scroller.current) scroller.current.scrollTop = top;
    setScrollTop(top);
  };

  const copy = async () => {
    const [from, to] = selected
      ? [selected.from, selected.to + 1]
      : [Math.max(win.first, 0), Math.min(win.last, result.rowCount)];
    const rows: Row[] = [];
    for (let i = from; i < to; i++) {
      const row = cache.row(i);
      if (row) rows.push(row);
    }
    await navigator.clipboard?.writeText(toTsv(columns, rows)).catch(() => {});
    announce(t("output.copied", { count: formatNumber(locale, rows.length) }));
  };

  const pick = (index: number, extend: boolean) =>
    setSelected((s) =>
      extend && s
        ? { anchor: s.anchor, from: Math.min(s.anchor, index), to: Math.max(s.anchor, index) }
        : s && s.from === index && s.to === index
          ? null
          : { anchor: index, from: index, to: index },
    );

  const rows = [];
  for (let i = win.first; i < win.last; i++) {
    const row = cache.row(i);
    const isSelected = selected !== null && i >= selected.from && i <= selected.to;
    rows.push(
      // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: a virtual row is an absolutely placed div (<tr> cannot be); click and Shift+click pick rows to copy, a mouse shortcut for "Go to row" then "Copy" (the rows on screen)
      <div
        key={i}
        role="row"
        aria-rowindex={i + 2}
        className="table-row"
        data-selected={isSelected || undefined}
        aria-busy={row ? undefined : true}
        style={{
          top: win.offset + (i - win.first) * rowHeight,
          height: rowHeight,
          gridTemplateColumns: template,
        }}
        onClick={(e) => pick(i, e.shiftKey)}
      >
        {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: the row number heads its row in a read-only table, not a grid: read, never a tab stop */}
        <div role="rowheader" className="table-rownum">
          {formatNumber(locale, i + 1)}
        </div>
        {result.columns.map(({ name, type }) => {
          const value = row?.[name];
          const text = row ? displayText(value, type, locale) : t("output.loading");
          const className =
            value === null ? "table-null" : isNumericColumn(type) ? "table-number" : undefined;
          return (
            // biome-ignore lint/a11y/useSemanticElements: a cell of a virtual row, a CSS-grid div inside an absolutely placed row
            <div key={name} role="cell" className={className} title={text}>
              {text}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <div className="table-output">
      <TableToolbar
        rowCount={result.rowCount}
        columnCount={columns.length}
        onExportCsv={props.onExportCsv}
        onCopy={() => void copy()}
        onGoToRow={(row) => void goToRow(row)}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: virtualized, so divs: a <table> cannot hold absolutely placed rows in a spacer as tall as every row */}
      <div
        ref={scroller}
        className="table-scroll"
        role="table"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls; its one tab stop lets the keyboard scroll it (arrows, Page Down)
        tabIndex={0}
        aria-label={props.label}
        aria-rowcount={result.rowCount + 1}
        aria-colcount={columns.length + 1}
        style={{ height: viewportHeight }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        {/* biome-ignore lint/a11y/useSemanticElements: the sticky head of the virtual table above, not a <thead> */}
        <div role="rowgroup" className="table-head" style={{ width, height: HEAD_HEIGHT }}>
          {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a row of a read-only table, not a grid: never a tab stop */}
          <div role="row" aria-rowindex={1} className="table-row" style={{ gridTemplateColumns: template }}>
            {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a header of a read-only table, not a grid: never a tab stop */}
            <div role="columnheader" className="table-rownum">
              {t("output.rowNumber")}
            </div>
            {result.columns.map((column) => (
              // biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a header of a read-only table, not a grid: never a tab stop
              <div
                role="columnheader"
                key={column.name}
                title={`${column.name}: ${hiveType(column.type)} (DuckDB ${column.type})`}
              >
                <span className="col-name">{column.name}</span>
                <span className="col-type">{hiveType(column.type)}</span>
              </div>
            ))}
          </div>
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: the body is a spacer as tall as every row, holding only the rows on screen: not a <tbody> */}
        <div role="rowgroup" className="table-body" style={{ width, height: win.totalHeight }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
