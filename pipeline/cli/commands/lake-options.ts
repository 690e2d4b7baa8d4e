import path from "node:path";
import { openWorkspace, type Workspace } from "../../service";
import { UsageError } from "../args";

/** `--notebook NB` (its lake) or `--lake DIR`, shared by query and catalog. */
export const lakeOptions = {
  notebook: { type: "string" },
  lake: { type: "string" },
} as const;

export async function openLakeWorkspace(
  command: string,
  values: { notebook?: string | undefined; lake?: string | undefined },
): Promise<Workspace> {
  if (values.notebook && values.lake)
    throw new UsageError(command, "give either --notebook or --lake, not both");
  return openWorkspace({
    notebookPath: values.notebook ? path.resolve(values.notebook) : undefined,
    lake: values.lake ?? (values.notebook ? undefined : ".lake"),
  });
}
