/**
 * The `*.lakebook.md` notebook format: model, reader, canonical writer, migrations. Pure (no Node APIs):
 * the UI imports it too. See FORMAT.md for the file format itself.
 */

export { type BodyShape, bodyShape, changeCellKind, type KindChange } from "./cell-kind";
export { NotebookFileError, NotebookParseError } from "./errors";
export { newCellId } from "./ids";
export { notebookTitle } from "./meta";
export { dialectFor, MIGRATIONS, type Migration } from "./migrations";
export {
  attr,
  type Cell,
  type CellAttribute,
  FORMAT_VERSION,
  isKnownCellKind,
  KNOWN_CELL_KINDS,
  type KnownCellKind,
  type Notebook,
} from "./model";
export { type ParsedNotebook, parseNotebook } from "./parse";
export { frontMatterPlace, type SourcePlace } from "./positions";
export { isSecretKey } from "./secrets";
export {
  type AwsTarget,
  AwsTargetSchema,
  type LocalTarget,
  LocalTargetSchema,
  notebookTarget,
  type Target,
  TargetSchema,
} from "./target";
export { writeNotebook } from "./write";
