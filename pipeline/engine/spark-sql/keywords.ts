/** Space-separated word lists read better than one-word-per-line arrays. */
const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/**
 * Words that are SQL structure, never a column or a function name. A word in this set followed by
 * `(` opens a subquery or a list (IN (…), OVER (…)), not a call; a word outside it followed by `(`
 * is a function call and must be in the allow-list.
 */
export const STRUCTURE_WORDS = words(`
  ALL AND ANTI ANY AS ASC BETWEEN BY CASE CLUSTER CROSS CUBE CURRENT DESC DISTINCT DISTRIBUTE DIV
  ELSE END ESCAPE EXCEPT EXISTS FILTER FOLLOWING FROM FULL GROUP HAVING ILIKE IN INNER INTERSECT
  INTERVAL IS JOIN LATERAL LIKE LIMIT MINUS NATURAL NOT NULLS OFFSET ON OR ORDER OUTER OVER
  PARTITION PRECEDING RANGE REGEXP RLIKE ROLLUP ROW ROWS SELECT SEMI SETS SOME SORT TABLESAMPLE THEN
  UNBOUNDED UNION USING VALUES VIEW WHEN WHERE WINDOW WITH
`);

/** Words that are values, so they count as operands. */
export const VALUE_WORDS = words("NULL TRUE FALSE");

/** Statements a transform cell may not hold: it is one query whose result Lakebook writes. */
export const STATEMENT_WORDS = words(`
  ADD ALTER ANALYZE CACHE CLEAR COMMENT CREATE DELETE DESCRIBE DROP EXPLAIN INSERT LIST LOAD MERGE
  MSCK REFRESH REPAIR REPLACE RESET SET SHOW TRUNCATE UNCACHE UPDATE USE
`);
