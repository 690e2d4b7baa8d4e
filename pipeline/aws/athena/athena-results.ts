import {
  type AthenaClient,
  type Row as AthenaRow,
  GetQueryResultsCommand,
  type GetQueryResultsOutput,
} from "@aws-sdk/client-athena";
import type { Column } from "../../contract/catalog";
import type { Row } from "../../contract/results";
import { athenaSdkError } from "./athena-errors";
import { athenaColumns, athenaRow } from "./athena-values";

/** GetQueryResults returns at most 1,000 rows per call. */
export const MAX_ATHENA_PAGE = 1000;

export type AthenaSend = Pick<AthenaClient, "send">;

export interface AthenaResultPage {
  columns: Column[];
  rows: Row[];
  nextToken: string | undefined;
}

/**
 * One GetQueryResults page. For a SELECT (StatementType DML) the first row of the first page is
 * the column labels, not data; DDL, SHOW and CTAS results (and INSERT's row count) have no such
 * row. Only a first row that equals the labels is dropped, so a DML result without it keeps its data.
 */
export async function readAthenaPage(
  client: AthenaSend,
  queryExecutionId: string,
  options: { pageSize: number; nextToken?: string; statementType?: string },
): Promise<AthenaResultPage> {
  let output: GetQueryResultsOutput;
  try {
    output = await client.send(
      new GetQueryResultsCommand({
        QueryExecutionId: queryExecutionId,
        MaxResults: options.pageSize,
        ...(options.nextToken ? { NextToken: options.nextToken } : {}),
      }),
    );
  } catch (error) {
    throw athenaSdkError(error);
  }
  const info = output.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
  const columns = athenaColumns(info);
  let rows: AthenaRow[] = output.ResultSet?.Rows ?? [];
  const firstPage = options.nextToken === undefined;
  if (firstPage && options.statementType !== "DDL" && options.statementType !== "UTILITY") {
    const labels = info.map((column) => column.Label || column.Name);
    if (rows[0] && isLabelRow(rows[0], labels)) rows = rows.slice(1);
  }
  return { columns, rows: rows.map((row) => athenaRow(row, columns)), nextToken: output.NextToken };
}

/**
 * Every page after `first`, read only as the caller asks, so a million-row result is never held
 * whole: `for await (const rows of pages) …` and stop whenever enough has been read.
 */
export async function* followingAthenaPages(
  client: AthenaSend,
  queryExecutionId: string,
  first: AthenaResultPage,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let token = first.nextToken;
  while (token) {
    const page = await readAthenaPage(client, queryExecutionId, { pageSize, nextToken: token });
    if (page.rows.length > 0) yield page.rows;
    token = page.nextToken;
  }
}

function isLabelRow(row: AthenaRow, labels: readonly (string | undefined)[]): boolean {
  const data = row.Data ?? [];
  return data.length === labels.length && labels.every((label, index) => data[index]?.VarCharValue === label);
}
