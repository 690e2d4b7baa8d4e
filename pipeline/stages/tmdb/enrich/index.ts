/** Stage 2, TMDB enrichment: selected IMDb ids → TMDB details → RAW JSON files (see run.ts). */
export {
  type Checkpoint,
  checkpointKey,
  type FailedTitle,
  LAKEBOOK_TMDB_ROOT,
  loadCheckpoint,
  manifestKey,
} from "./checkpoint";
export { type EnrichTitlesOptions, type EnrichTitlesResult, enrichTitles } from "./enrich-titles";
export {
  CAST_LIMIT,
  canonicalField,
  DEFAULT_FIELDS,
  FIELD_NAMES,
  pickFields,
  SCALARS,
  type TitleKind,
  type TmdbField,
} from "./fields";
export { addRequestLogs, type RequestLog, type TmdbGetter, type TmdbResult } from "./getter";
export {
  runTmdbEnrichment,
  type TmdbEnrichOptions,
  type TmdbEnrichProgress,
  type TmdbEnrichResult,
} from "./run";
export { readSelection, type SelectedTitle, type Selection, selectionFromChunks } from "./select";
export {
  envelopeHead,
  FILE_LIMITS,
  type FileLimits,
  KIND_WORD,
  parseTmdbFileName,
  readTmdbFileBody,
  splitIntoFiles,
  tmdbFileName,
  type WrittenFile,
  writeTmdbFiles,
} from "./writer";
