import { fillMessage } from "../../../pipeline/contract";
import type { Locale } from "./locale";

/**
 * The RAW key's explanation under an ingested file, in pt-BR. The service writes it in English
 * (pipeline/stages/ingest/boto3-script.ts, `explainRawKey`); its variable parts are all in the key
 * itself, so here they are read back from the key: `…/Raw/Local/CSV/<Folder>/YYYY/MM/DD/<file>`.
 * A key of another shape keeps the English as sent.
 */
const RAW_CSV_KEY = /(Raw\/Local\/CSV\/(Movies|Series)\/(\d{4}\/\d{2}\/\d{2})\/([^/]+))$/;

export const RAW_KEY_EXPLANATION_PT_BR =
  "{key} segue o padrão da RAW do desafio Raw/Local/CSV/<Movies|Series>/AAAA/MM/DD/<arquivo>: " +
  "zona Raw (arquivos exatamente como chegaram), origem Local (os CSVs do curso, em oposição ao TMDB), " +
  "formato CSV, conjunto {folder}, data de processamento {date} (o dia da ingestão, em UTC, com zeros à esquerda), " +
  "e depois o nome original do arquivo {file}. Os nomes das pastas diferenciam maiúsculas de minúsculas: " +
  "o Glue, o Athena e as próximas etapas só encontram o arquivo exatamente nesta chave.";

export function rawKeyExplanation(locale: Locale, key: string, english: string): string {
  if (locale !== "pt-BR") return english;
  const match = RAW_CSV_KEY.exec(key);
  if (!match) return english;
  const [, , folder = "", date = "", file = ""] = match;
  return fillMessage(RAW_KEY_EXPLANATION_PT_BR, { key, folder, date, file }, locale);
}
