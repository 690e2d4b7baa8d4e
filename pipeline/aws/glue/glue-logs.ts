import {
  type CloudWatchLogsClient,
  FilterLogEventsCommand,
  type FilterLogEventsCommandOutput,
} from "@aws-sdk/client-cloudwatch-logs";
import { glueError } from "./glue-errors";
import { RESULT_MARKER, type TransformResult, TransformResultSchema } from "./transform-spec";

/**
 * A Glue run's CloudWatch logs, fetched while it runs. Glue 5.0 writes the script's stdout/stderr to
 * /aws-glue/jobs/output and Spark's and Glue's own logs (the Spark stack trace of a failed run) to
 * /aws-glue/jobs/error; with continuous logging (Glue 4.0 and earlier, `--enable-continuous-cloudwatch-log`,
 * which the job sets) the driver's and executors' logs stream to /aws-glue/jobs/logs-v2 while it runs
 * (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging.html,
 * https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging-enable.html; the default group
 * and the log4j pattern `%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n`:
 * https://docs.aws.amazon.com/cdk/api/v1/docs/@aws-cdk_aws-glue.ContinuousLoggingProps.html). Streams are named
 * after the run: `<JobRunId>`, `<JobRunId>-driver`, `<JobRunId>-<executor>`, so one FilterLogEvents per
 * group with `logStreamNamePrefix: runId` covers every stream of the run.
 */
export const GLUE_LOG_GROUPS = {
  output: "/aws-glue/jobs/output",
  error: "/aws-glue/jobs/error",
  continuous: "/aws-glue/jobs/logs-v2",
} as const;
export type GlueLogGroup = keyof typeof GLUE_LOG_GROUPS;

/**
 * Whether a line is Spark's error output: everything in /aws-glue/jobs/error, and in the continuous
 * log the lines log4j marks ERROR (that group mixes every level).
 */
export function isSparkErrorLine(line: Pick<GlueLogLine, "group" | "message">): boolean {
  if (line.group === "error") return true;
  return line.group === "continuous" && /(^|\s)(ERROR|FATAL)\s/.test(line.message);
}

/** The groups a run of this Glue version writes to: 4.0 and earlier stream Spark's logs to logs-v2. */
export function glueLogGroupsFor(glueVersion: string): GlueLogGroup[] {
  const major = Number.parseFloat(glueVersion);
  return Number.isFinite(major) && major < 5 ? ["output", "error", "continuous"] : ["output", "error"];
}

export interface GlueLogLine {
  group: GlueLogGroup;
  stream: string;
  timestamp: number;
  message: string;
}

export class GlueLogFollower {
  private readonly seen = new Set<string>();
  private readonly since = new Map<GlueLogGroup, number>();

  constructor(
    private readonly client: CloudWatchLogsClient,
    readonly runId: string,
    private readonly groups: readonly GlueLogGroup[] = ["output", "error"],
  ) {}

  /**
   * Every line written since the last poll, oldest first, each once. Starts each query at the newest
   * timestamp already seen (inclusive), since CloudWatch may deliver more events for that millisecond
   * later; event ids drop the repeats. A group that does not exist yet (no run wrote to it) has no lines.
   */
  async poll(): Promise<GlueLogLine[]> {
    const lines: GlueLogLine[] = [];
    for (const group of this.groups) {
      lines.push(...(await this.pollGroup(group)));
    }
    return lines.sort((a, b) => a.timestamp - b.timestamp);
  }

  private async pollGroup(group: GlueLogGroup): Promise<GlueLogLine[]> {
    const lines: GlueLogLine[] = [];
    // Fixed for the whole paging: a nextToken is only valid with the query that returned it.
    const startTime = this.since.get(group);
    let nextToken: string | undefined;
    do {
      let page: FilterLogEventsCommandOutput;
      try {
        page = await this.client.send(
          new FilterLogEventsCommand({
            logGroupName: GLUE_LOG_GROUPS[group],
            logStreamNamePrefix: this.runId,
            ...(startTime !== undefined ? { startTime } : {}),
            ...(nextToken ? { nextToken } : {}),
          }),
        );
      } catch (error) {
        if ((error as { name?: string }).name === "ResourceNotFoundException") return lines;
        throw glueError(error, {
          action: `read the log group ${GLUE_LOG_GROUPS[group]}`,
          iamAction: "logs:FilterLogEvents",
        });
      }
      for (const event of page.events ?? []) {
        const id = event.eventId ?? `${event.logStreamName}:${event.timestamp}:${event.message}`;
        if (this.seen.has(id)) continue;
        this.seen.add(id);
        const timestamp = event.timestamp ?? 0;
        this.since.set(group, Math.max(this.since.get(group) ?? 0, timestamp));
        lines.push({
          group,
          stream: event.logStreamName ?? "",
          timestamp,
          message: (event.message ?? "").replace(/\r?\n$/, ""),
        });
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return lines;
  }
}

/** The runner's `LAKEBOOK_RESULT {json}` line, or undefined for any other line (or a malformed one). */
export function parseResultLine(message: string): TransformResult | undefined {
  const at = message.indexOf(`${RESULT_MARKER} {`);
  if (at < 0) return undefined;
  try {
    const parsed = TransformResultSchema.safeParse(JSON.parse(message.slice(at + RESULT_MARKER.length + 1)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
