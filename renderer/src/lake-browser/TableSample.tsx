import { useEffect, useState } from "react";
import type { QueryResult, ServiceError } from "../../../pipeline/contract";
import { useT } from "../i18n";
import { useWorkbench } from "../state/workbench-context";
import { ErrorOutput } from "../ui/ErrorOutput";
import { TableOutput } from "../ui/table/TableOutput";

/** 20 rows of a catalog table (`query.run`), released again when the details close. */
export function TableSample({ name }: { name: string }) {
  const t = useT();
  const wb = useWorkbench();
  const [sample, setSample] = useState<QueryResult | { error: ServiceError } | null>(null);

  useEffect(() => {
    let resultId: string | undefined;
    let live = true;
    setSample(null);
    wb.client
      .call("query.run", { sql: `SELECT * FROM ${name} LIMIT 20`, pageSize: 20 })
      .then((result) => {
        resultId = result.resultId;
        if (live) setSample(result);
        else void wb.client.call("query.release", { resultId }).catch(() => {});
      })
      .catch((error: Error & { code?: string; hint?: string }) => {
        if (live)
          setSample({
            error: {
              code: error.code ?? "QUERY_FAILED",
              message: error.message,
              ...(error.hint ? { hint: error.hint } : {}),
              retryable: true,
            },
          });
      });
    return () => {
      live = false;
      if (resultId) void wb.client.call("query.release", { resultId }).catch(() => {});
    };
  }, [wb, name]);

  if (sample === null) return <p className="placeholder">{t("output.loading")}</p>;
  if ("error" in sample) return <ErrorOutput error={sample.error} />;
  return (
    <TableOutput
      result={sample}
      label={t("table.sample")}
      maxHeight={300}
      fetchPage={async (offset, limit) =>
        (await wb.client.call("query.page", { resultId: sample.resultId, offset, limit })).rows
      }
    />
  );
}
