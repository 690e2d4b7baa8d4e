import { useEffect, useState } from "react";
import type { CatalogTable, QueryResult } from "../../../pipeline/contract";
import { useWorkbench } from "../app/workbench-context";
import { formatNumber, useLocale, useT } from "../i18n";
import { cellById } from "../notebook/document-store";
import { select } from "../notebook/ui-store";
import { ErrorOutput } from "../outputs/ErrorOutput";
import { TableOutput } from "../outputs/table/TableOutput";
import { qualifiedName } from "./lake-tree";

/** A catalog table: schema, row count, 20 sample rows (`query.run`) and where it came from. */
export function TableDetails({ table, onClose }: { table: CatalogTable; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const wb = useWorkbench();
  const name = qualifiedName(table);
  const [sample, setSample] = useState<
    QueryResult | { error: { code: string; message: string; hint?: string; retryable: boolean } } | null
  >(null);

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

  const producer = table.producedBy;
  const producerInNotebook = producer && cellById(wb.doc.get().notebook.cells, producer.cell);
  return (
    <section className="table-details" aria-labelledby="table-details-title">
      <button type="button" className="link-button" onClick={onClose}>
        ← {t("table.close")}
      </button>
      <h3 id="table-details-title">{name}</h3>
      <dl className="facts">
        <dt>{t("table.rows")}</dt>
        <dd>{table.rows === null ? t("table.rowsUnknown") : formatNumber(locale, table.rows)}</dd>
        <dt>{t("table.format")}</dt>
        <dd>{table.format}</dd>
        <dt>{t("table.location")}</dt>
        <dd>
          <code>{table.location}</code>
        </dd>
        {table.partitionKeys && table.partitionKeys.length > 0 && (
          <>
            <dt>{t("table.partitions")}</dt>
            <dd>{table.partitionKeys.map((k) => k.name).join(", ")}</dd>
          </>
        )}
      </dl>
      <h4>{t("table.schema")}</h4>
      <table className="schema">
        <thead>
          <tr>
            <th scope="col">{t("table.column")}</th>
            <th scope="col">{t("table.type")}</th>
          </tr>
        </thead>
        <tbody>
          {[...table.columns, ...(table.partitionKeys ?? [])].map((column) => (
            <tr key={column.name}>
              <td>{column.name}</td>
              <td>
                <code>{column.type}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t("table.lineage")}</h4>
      {producer ? (
        <p>
          {producerInNotebook ? (
            <button
              type="button"
              className="link-button"
              onClick={() => select(wb.ui, producer.cell)}
              title={t("table.showCell", { cell: producer.cell })}
            >
              {t("table.producedBy", { cell: producer.cell })}
            </button>
          ) : (
            t("table.producedBy", { cell: producer.cell })
          )}
          {producer.inputs.length > 0 && ` ${t("table.inputs", { inputs: producer.inputs.join(", ") })}`}
        </p>
      ) : (
        <p className="placeholder">{t("table.noLineage")}</p>
      )}
      <h4>{t("table.sample")}</h4>
      {sample === null && <p className="placeholder">{t("output.loading")}</p>}
      {sample && "error" in sample && <ErrorOutput error={sample.error} />}
      {sample && "resultId" in sample && (
        <TableOutput
          result={sample}
          label={t("table.sample")}
          maxHeight={300}
          fetchPage={async (offset, limit) =>
            (await wb.client.call("query.page", { resultId: sample.resultId, offset, limit })).rows
          }
        />
      )}
    </section>
  );
}
