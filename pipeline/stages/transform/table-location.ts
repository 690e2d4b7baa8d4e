import { writtenTablePrefix } from "../../lake";
import type { ResolvedInput } from "./inputs";
import type { TransformSettings } from "./settings";

/** Where the output table lives (the rule is the lake's `writtenTablePrefix`). */
export function outputLocation(settings: TransformSettings, inputs: ResolvedInput[]): string {
  const { database, table } = settings.output;
  return writtenTablePrefix(
    database,
    table,
    inputs.map((input) => input.path),
  );
}
