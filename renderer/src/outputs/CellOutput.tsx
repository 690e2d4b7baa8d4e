import type { CellRun } from "../state/run-store";
import { ErrorOutput } from "../ui/ErrorOutput";
import { ProgressBar } from "./ProgressBar";
import { RenderedOutput } from "./registry";

/** What a cell's last run left: progress while running, an error, or its output. */
export function CellOutput({ cellId, run }: { cellId: string; run: CellRun | undefined }) {
  if (!run) return null;
  if (run.status === "running")
    return run.progress ? <ProgressBar cellId={cellId} progress={run.progress} /> : null;
  if (run.error) return <ErrorOutput error={run.error} />;
  return run.output ? <RenderedOutput cellId={cellId} output={run.output} /> : null;
}
