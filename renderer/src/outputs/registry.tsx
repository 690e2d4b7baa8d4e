import { type ComponentType, useCallback } from "react";
import type { CellOutput, QueryResult } from "../../../pipeline/contract";
import { formatNumber, useLocale, useT } from "../i18n";
import { useWorkbench } from "../state/workbench-context";
import { TableOutput } from "../ui/table/TableOutput";
import { ChartOutput } from "./chart/ChartOutput";
import { ChecksOutput } from "./checks/ChecksOutput";
import { IngestOutput } from "./ingest/IngestOutput";
import { PublishOutput } from "./publish/PublishOutput";
import { saveResultCsv } from "./save-download";
import { TmdbOutput } from "./tmdb/TmdbOutput";
import { TransformOutput } from "./transform/TransformOutput";

type OutputOf<T extends CellOutput["type"]> = Extract<CellOutput, { type: T }>;
export type OutputRenderer<T extends CellOutput["type"]> = ComponentType<{
  cellId: string;
  output: OutputOf<T>;
}>;

function TableResult({ cellId, output }: { cellId: string; output: OutputOf<"table"> }) {
  // An empty id: a result restored from the last session, whose rows the service no longer holds.
  if (output.result.resultId === "") return <KeptRows cellId={cellId} result={output.result} />;
  return <LiveRows cellId={cellId} output={output} />;
}

function LiveRows({ cellId, output }: { cellId: string; output: OutputOf<"table"> }) {
  const t = useT();
  const { client } = useWorkbench();
  const { resultId } = output.result;
  const fetchPage = useCallback(
    async (offset: number, limit: number) =>
      (await client.call("query.page", { resultId, offset, limit })).rows,
    [client, resultId],
  );
  return (
    <TableOutput
      result={output.result}
      label={t("output.table", { id: cellId })}
      fetchPage={fetchPage}
      onExportCsv={() => saveResultCsv(client, resultId)}
    />
  );
}

/**
 * A result kept from the last session: its first rows only (the service's result went with the
 * session), drawn without paging or export, and saying so.
 */
function KeptRows({ cellId, result }: { cellId: string; result: QueryResult }) {
  const t = useT();
  const locale = useLocale();
  const kept = { ...result, rowCount: result.rows.length };
  const none = useCallback(async () => [], []);
  return (
    <>
      {result.rowCount > result.rows.length && (
        <p className="restored-note">
          {t("restored.tableRows", {
            shown: formatNumber(locale, result.rows.length),
            total: formatNumber(locale, result.rowCount),
          })}
        </p>
      )}
      <TableOutput result={kept} label={t("output.table", { id: cellId })} fetchPage={none} />
    </>
  );
}

function TextResult({ output }: { output: OutputOf<"text"> }) {
  return <pre className="text-output">{output.text}</pre>;
}

/**
 * How each kind of cell output is drawn. A stage that brings its own output type (ingest, chart…)
 * registers its component here; a type without one falls back to the run's summary line.
 */
export const outputRenderers: { [T in CellOutput["type"]]?: OutputRenderer<T> } = {
  table: TableResult,
  text: TextResult,
  ingest: IngestOutput,
  tmdb: TmdbOutput,
  chart: ChartOutput,
  transform: TransformOutput,
  checks: ChecksOutput,
  publish: PublishOutput,
};

export function hasRenderer(output: CellOutput | undefined): boolean {
  return output !== undefined && outputRenderers[output.type] !== undefined;
}

export function RenderedOutput({ cellId, output }: { cellId: string; output: CellOutput }) {
  const Renderer = outputRenderers[output.type] as OutputRenderer<typeof output.type> | undefined;
  return Renderer ? <Renderer cellId={cellId} output={output as never} /> : null;
}
