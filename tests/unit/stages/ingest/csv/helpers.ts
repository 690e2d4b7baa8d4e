import { expect } from "vitest";
import { LakebookError } from "../../../../../pipeline/contract/errors";
import { MOVIES_COLUMNS, SERIES_COLUMNS } from "../../../../../pipeline/lake/dataset-columns";
import {
  type CsvReport,
  type ValidateOptions,
  validateChallengeCsv,
} from "../../../../../pipeline/stages/ingest/csv";

export const MOVIES_HEADER = MOVIES_COLUMNS.join("|");
export const SERIES_HEADER = SERIES_COLUMNS.join("|");

/** A valid movies.csv row, with fields replaced by name. */
export function movieRow(changes: Partial<Record<(typeof MOVIES_COLUMNS)[number], string>> = {}): string {
  const base: Record<string, string> = {
    id: "tt0002998",
    tituloPincipal: "Ghost Ship",
    tituloOriginal: "Ghost Ship",
    anoLancamento: "2002",
    tempoMinutos: "91",
    genero: "Drama,Horror",
    notaMedia: "5.3",
    numeroVotos: "25891",
    generoArtista: "actor",
    personagem: "Edward Falcão",
    nomeArtista: "Leon Sullivan",
    anoNascimento: "1948",
    anoFalecimento: "\\N",
    profissao: "actor",
    titulosMaisConhecidos: "tt1936154,tt1462992",
  };
  return MOVIES_COLUMNS.map((name) => changes[name] ?? base[name]).join("|");
}

export function seriesRow(): string {
  return "tt0013008|Os Herdeiros do Farol|Os Herdeiros do Farol|1983|1985|61|Adventure|5.4|3638|actor|\\N|Victor Stewart|1917|2012|actor|tt4179309";
}

/** A movies file: header plus rows, each line ended by `\n`. */
export function moviesFile(...rows: string[]): string {
  return [MOVIES_HEADER, ...rows].map((line) => `${line}\n`).join("");
}

const encoder = new TextEncoder();
export const bytesOf = (input: string | Uint8Array): Uint8Array =>
  typeof input === "string" ? encoder.encode(input) : input;

/** The bytes as a stream cut at the given offsets (sorted, deduplicated, out-of-range ignored). */
export async function* chunksAt(
  input: string | Uint8Array,
  cuts: readonly number[] = [],
): AsyncGenerator<Uint8Array> {
  const bytes = bytesOf(input);
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    yield bytes.subarray(from, cut);
    from = cut;
  }
  if (from < bytes.length) yield bytes.subarray(from);
}

/** The bytes in chunks of `size` bytes. */
export function chunksOf(input: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const length = bytesOf(input).length;
  const cuts: number[] = [];
  for (let at = size; at < length; at += size) cuts.push(at);
  return chunksAt(input, cuts);
}

export function validate(
  input: string | Uint8Array,
  options: Partial<ValidateOptions> = {},
): Promise<CsvReport> {
  return validateChallengeCsv(chunksAt(input), { fileName: "movies.csv", ...options });
}

/** Validates expecting a refusal; returns the error for closer looks. */
export async function refusal(
  input: string | Uint8Array,
  code: string,
  options: Partial<ValidateOptions> = {},
): Promise<LakebookError> {
  const error = await validate(input, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  const lakebookError = error as LakebookError;
  expect(lakebookError.code).toBe(code);
  expect(lakebookError.message).toContain(options.fileName ?? "movies.csv");
  expect(lakebookError.hint).toBeTruthy();
  return lakebookError;
}

/** `[line, code]` pairs of a report's warnings, for compact assertions. */
export const warningLines = (report: CsvReport): [number, string][] =>
  report.warnings.map((warning) => [warning.line, warning.code]);
