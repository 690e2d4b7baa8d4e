import { useCallback, useState } from "react";
import type { QueryResult } from "../../../../pipeline/contract";
import { useT } from "../../i18n";
import { useWorkbench } from "../../state/workbench-context";
import { TableOutput } from "../../ui/table/TableOutput";
import { saveResultCsv } from "../save-download";

/**
 * The new table's first rows, paged over `query.page` like any result (the service holds them).
 * Folded, and drawn only once opened: the demo has eleven transforms, and eleven open tables made
 * the notebook long and the page heavy.
 */
export function TransformPreview({ table, preview }: { table: string; preview: QueryResult }) {
  const t = useT();
  const { client } = useWorkbench();
  const [opened, setOpened] = useState(false);
  const { resultId } = preview;
  const fetchPage = useCallback(
    async (offset: number, limit: number) =>
      (await client.call("query.page", { resultId, offset, limit })).rows,
    [client, resultId],
  );
  const label = t("transform.preview", { table });
  return (
    <details
      className="transform-section transform-preview"
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
    >
      <summary>{label}</summary>
      {opened && (
        <TableOutput
          result={resultId === "" ? { ...preview, rowCount: preview.rows.length } : preview}
          label={label}
          fetchPage={fetchPage}
          onExportCsv={resultId === "" ? undefined : () => saveResultCsv(client, resultId)}
        />
      )}
    </details>
  );
}
