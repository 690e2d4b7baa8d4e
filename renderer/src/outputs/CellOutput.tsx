import { CommandButton } from "../commands/CommandButton";
import { formatTime, useLocale, useT } from "../i18n";
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
  const drawn = run.error ? (
    <>
      {/* A failure that kept its output (a check cell's results) draws it beneath: the error's
          hint is that output as text for the terminal, so it is left out here. */}
      <ErrorOutput error={run.output ? { ...run.error, hint: undefined } : run.error} />
      {/* A TMDB cell stopped for want of a (valid) token: the way to give one, right here. */}
      {NEEDS_TMDB_TOKEN.has(run.error.code) && <CommandButton id="setTmdbToken" />}
      {run.output && <RenderedOutput cellId={cellId} output={run.output} />}
    </>
  ) : run.output ? (
    <RenderedOutput cellId={cellId} output={run.output} />
  ) : null;
  if (!run.restored || !drawn) return drawn;
  return (
    <>
      <RestoredNote finishedAt={run.finishedAt} />
      {drawn}
    </>
  );
}

/** Says the output is the last session's, so a student does not take it for this session's run. */
function RestoredNote({ finishedAt }: { finishedAt: number | undefined }) {
  const t = useT();
  const locale = useLocale();
  const time = finishedAt === undefined ? "—" : formatTime(locale, new Date(finishedAt));
  return (
    <p className="restored-note" data-restored="true">
      {t("restored.note", { time })}
    </p>
  );
}
