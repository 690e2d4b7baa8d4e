import { CommandButton } from "../commands/CommandButton";
import type { CellRun } from "../state/run-store";
import { ErrorOutput } from "../ui/ErrorOutput";
import { ProgressBar } from "./ProgressBar";
import { RenderedOutput } from "./registry";

const NEEDS_TMDB_TOKEN = new Set(["TMDB_UNAUTHORIZED", "TMDB_LAMBDA_NEEDS_CREDENTIALS"]);

/** What a cell's last run left: progress while running, an error, or its output. */
export function CellOutput({ cellId, run }: { cellId: string; run: CellRun | undefined }) {
  if (!run) return null;
  if (run.status === "running")
    return run.progress ? <ProgressBar cellId={cellId} progress={run.progress} /> : null;
  if (run.error)
    return (
      <>
        <ErrorOutput error={run.error} />
        {/* A TMDB cell stopped for want of a (valid) token: the way to give one, right here. */}
        {NEEDS_TMDB_TOKEN.has(run.error.code) && <CommandButton id="setTmdbToken" />}
      </>
    );
  return run.output ? <RenderedOutput cellId={cellId} output={run.output} /> : null;
}
