/**
 * Where a front matter field is written in the file, for errors found after reading: a check that
 * needs the outside world (an S3 bucket's naming rule, a folder on disk) happens where that world is,
 * yet its message should still name the file and the line a student can fix.
 */
import { LineCounter, parseDocument } from "yaml";
import { FRONT_MATTER_DELIMITER, offsetOf } from "./frontMatter";
import { toLines } from "./parse";

export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

/**
 * The file, line and column of the field at `path` (e.g. ["target", "bucket"]) in the front matter:
 * its value when present, else the deepest key that is; undefined without front matter.
 */
export function frontMatterPlace(
  text: string,
  file: string,
  path: readonly string[],
): SourcePlace | undefined {
  const lines = toLines(text);
  if (!FRONT_MATTER_DELIMITER.test(lines[0] ?? "")) return undefined;
  const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_DELIMITER.test(line));
  if (close < 0) return undefined;
  const source = lines
    .slice(1, close)
    .map((line) => `${line}\n`)
    .join("");
  const counter = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, lineCounter: counter, version: "1.2" });
  const pos = counter.linePos(offsetOf(doc.contents, path));
  // The YAML starts on file line 2.
  return { file, line: pos.line + 1, column: pos.col };
}
