import { isKnownCellKind } from "../../../pipeline/document/model";
import type { Translate } from "../i18n";

/** "SQL", "Ingestão"…: a known kind in the user's language, any other kind as written in the file. */
export function kindLabel(t: Translate, kind: string): string {
  return isKnownCellKind(kind) ? t(`kind.${kind}`) : kind;
}
