import { refinedTablePrefix, trustedTablePrefix } from "../../lake";
import type { ResolvedInput } from "./inputs";
import type { TransformSettings } from "./settings";

/**
 * Where the output table lives: `Refined/<table>/`, or `Trusted/<source>/Parquet/<table>/` with the
 * source TMDB when every input comes from TMDB data and Local (the CSVs) otherwise.
 */
export function outputLocation(settings: TransformSettings, inputs: ResolvedInput[]): string {
  const { database, table } = settings.output;
  if (database === "refined") return refinedTablePrefix(table);
  const fromTmdb = inputs.length > 0 && inputs.every((input) => /^(Raw|Trusted)\/TMDB\//.test(input.path));
  return trustedTablePrefix(fromTmdb ? "TMDB" : "Local", table);
}
