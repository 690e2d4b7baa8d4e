/**
 * Splits a transform cell into its settings header (the `--` comment lines at the top, with the
 * `--` and one space removed, so YAML line N is cell line N) and the SQL below it.
 */
export function splitHeader(source: string): { header: string; sql: string; sqlLine: number } {
  const lines = source.split("\n");
  let count = 0;
  while (count < lines.length && /^\s*--/.test(lines[count] ?? "")) count += 1;
  const header = lines
    .slice(0, count)
    .map((line) => line.replace(/^\s*-- ?/, ""))
    .join("\n");
  return { header, sql: lines.slice(count).join("\n"), sqlLine: count + 1 };
}
