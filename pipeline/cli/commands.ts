import type { CliCommand } from "./command";

/** The notebook `lakebook start` and `lakebook demo ./demo` write, which the examples use. */
const NOTEBOOK = "demo/horror-subgenres.lakebook.md";

/**
 * Every `lakebook` command, in the order the help lists them (the order a newcomer meets them).
 * A new command is one entry here; the help and the dispatcher pick it up. The help texts live here
 * and each command's module is imported only when it runs: the modules pull in DuckDB, the AWS SDK
 * and the service, which made `lakebook --help` take seconds.
 */
export const COMMANDS: readonly CliCommand[] = [
  {
    name: "start",
    summary: "create the demo project in ./demo and open it in the browser",
    example: "lakebook start",
    help: `Usage: lakebook start [dir] [--port N] [--no-open] [--lang en|pt-BR]

Creates the demo project in dir (default: ./demo, kept if it exists) and serves its notebook,
building the workbench UI first when it is missing or out of date.
  --port N    listen on port N; 0 or no --port: any free port
  --no-open   do not open the browser
  --lang L    the demo notebook's language: en or pt-BR (default: the system's, as the UI follows it)`,
    run: async (argv) => (await import("./commands/start")).startCommand(argv),
  },
  {
    name: "demo",
    summary: "write a demo project (notebook + the two CSV files)",
    example: "lakebook demo ./demo",
    help: `Usage: lakebook demo <dir> [--force] [--lang en|pt-BR]

Writes a demo project: <dir>/horror-subgenres.lakebook.md, a notebook that walks all four stages, and
<dir>/data/movies.csv and <dir>/data/series.csv in the challenge's exact format.
An existing notebook is kept unless --force is given.
  --lang pt-BR   the notebook in Brazilian Portuguese instead: <dir>/subgeneros-de-terror.lakebook.md,
                 the same cells with Portuguese prose`,
    run: async (argv) => (await import("./commands/demo")).demoCommand(argv),
  },
  {
    name: "run",
    summary: "run a notebook headless on the local lake",
    example: `lakebook run ${NOTEBOOK}`,
    help: `Usage: lakebook run <notebook> [--lake DIR] [--cell ID] [--json]

Runs the notebook's cells in order, headless, on the local lake (default: .lake/ beside the notebook).
After a cell fails, the cells below it are reported as skipped.
  --lake DIR   use DIR as the lake folder
  --cell ID    run only the cell with this id
  --json       print one JSON object: {ok, notebook, cells: [{id, kind, status, ms, summary, error?}]}
Exit code: 0 when every cell is ok, 1 when one failed, 2 on usage errors.`,
    run: async (argv) => (await import("./commands/run")).runCommand(argv),
  },
  {
    name: "serve",
    summary: "serve a notebook to the browser on 127.0.0.1",
    example: `lakebook serve ${NOTEBOOK} --port 0 --no-open`,
    help: `Usage: lakebook serve [notebook] [--port N] [--no-open]

Starts the Lakebook service on 127.0.0.1 and prints its URL (with the access token) on the first line.
Builds the workbench UI first when it is missing or older than its sources (as npm run build:ui does).
  --port N    listen on port N; 0 or no --port: any free port
  --no-open   do not open the browser`,
    run: async (argv) => (await import("./commands/serve")).serveCommand(argv),
  },
  {
    name: "ingest",
    summary: "validate a CSV file and store it in the RAW zone",
    example: "lakebook ingest demo/data/movies.csv --lake demo/.lake",
    help: `Usage: lakebook ingest <file> [--dataset movies|series] [--lake DIR | --s3 s3://bucket[/prefix]] [--date YYYY-MM-DD] [--json]

Validates one of the challenge's CSV files in one streaming pass and stores it whole and unmodified
in the RAW zone, at Raw/Local/CSV/<Movies|Series>/YYYY/MM/DD/<file name>; what landed is checked
against the source before it reports ok. The same bytes already at the key are not sent again.
  --dataset D   movies or series (default: detected from the header)
  --lake DIR    the local lake folder (default: .lake); registers raw.<dataset> in its catalog
  --s3 URL      an S3 bucket instead, s3://bucket or s3://bucket/prefix. Credentials come from the
                AWS default chain; AWS_REGION (default us-east-1); AWS_ENDPOINT_URL_S3 or
                AWS_ENDPOINT_URL for an S3-compatible server. An interrupted upload resumes when
                run again (its checkpoint is in ./.lakebook/).
  --date D      the processing date, YYYY-MM-DD (default: today, UTC)
  --json        print one JSON object: {ok, key, bytes, sha256, rows, columns, warnings: [{line,
                code, message}], warningCount, alreadyIngested}; on failure {ok: false, error}
Progress goes to stderr. Exit code: 0 ingested (or already there), 1 refused or failed, 2 usage errors.`,
    run: async (argv) => (await import("./commands/ingest")).ingestCommand(argv),
  },
  {
    name: "query",
    summary: "run SQL on the local lake",
    example: `lakebook query "SELECT count(*) AS n FROM raw.movies" --notebook ${NOTEBOOK}`,
    help: `Usage: lakebook query "<sql>" [--notebook NB | --lake DIR] [--json | --csv] [--limit N]

Runs SQL on the local lake's DuckDB engine; catalog tables are addressable as database.table.
  --notebook NB  use the lake of this notebook
  --lake DIR     use DIR as the lake folder (default: .lake)
  --json         {columns: [{name, type}], rows: [{<column>: value}]}
  --csv          comma-separated with a header row
  --limit N      at most N rows (default: all for --json/--csv, 50 for the table view)`,
    run: async (argv) => (await import("./commands/query")).queryCommand(argv),
  },
  {
    name: "catalog",
    summary: "list the catalog's tables",
    example: `lakebook catalog --notebook ${NOTEBOOK}`,
    help: `Usage: lakebook catalog [--notebook NB | --lake DIR] [--json]

Lists the tables of the local catalog (the stand-in for the Glue Data Catalog).
  --json   {tables: [{database, name, zone, location, format, columns, rows, role?, primaryKey?, foreignKeys?, producedBy}]}`,
    run: async (argv) => (await import("./commands/catalog")).catalogCommand(argv),
  },
  {
    name: "export",
    summary: "write the notebook's charts as one self-contained HTML dashboard",
    example: `lakebook export ${NOTEBOOK} --html dashboard.html`,
    help: `Usage: lakebook export <notebook> --html <file> [--lake DIR] [--json]

Runs the notebook's chart cells on its lake and writes one self-contained HTML dashboard: the title,
a section per Markdown cell that has charts below it, KPI tiles, every chart with its data, and a
filter for each field several charts share. Vega, Vega-Lite and Vega-Embed are inside the file, so
it opens offline and makes no network request. Run the notebook first so the charts' tables exist.
  --html FILE  the HTML file to write (replaced if it exists)
  --lake DIR   use DIR as the lake folder
  --json       print one JSON object: {ok, notebook, file, bytes, title, charts: [{id, sourceRows, sentRows, pushedDown, warnings}], kpis, filters}
Exit code: 0 when the file was written, 1 when a chart failed or the file cannot be written, 2 on usage errors.`,
    run: async (argv) => (await import("./commands/export")).exportCommand(argv),
  },
  {
    name: "check",
    summary: "check the course challenge's rules against what the notebook built",
    example: `lakebook check ${NOTEBOOK} --stage 1`,
    help: `Usage: lakebook check <notebook> [--stage N] [--lake DIR] [--json]

Checks every rule of the course's final challenge against what the notebook built: the lake
(local folder or S3 bucket) and the catalog (local or Glue). Each rule prints pass or fail with
the evidence that decided it, and a failing rule says the likely mistake and how to fix it.
  --stage N    only the rules of stage N (1 RAW CSVs, 2 TMDB, 3 TRUSTED/REFINED, 4 dashboard);
               the no-credentials rule always runs
  --lake DIR   check DIR as the lake folder
  --json       print one JSON object: {ok, rules: [{id, stage, title, pass, evidence, hint?, cellId?}]}
Exit code: 0 when every rule passes, 1 when one fails, 2 on usage errors.`,
    run: async (argv) => (await import("./commands/check")).checkCommand(argv),
  },
  {
    name: "doctor",
    summary: "check the AWS permissions every stage needs, and print the minimal IAM policies",
    example: `lakebook doctor ${NOTEBOOK} --policies ./iam`,
    help: `Usage: lakebook doctor <notebook> [--json] [--policies DIR]

Checks, with IAM's policy simulator, that the notebook's AWS identity may do every action of every
stage its cells use, on exactly the notebook's resources (bucket, prefix, tables, workgroup, job,
function, secret, roles), and prints the minimal IAM policies for the identity, the Glue job role
and the Lambda role. On a local target there is nothing to check.
  --json          {ok, identity, stages: [{stage, cells, checks: [{action, resource, decision}]}], policies}
  --policies DIR  also write each policy (and each role's trust policy) as a JSON file in DIR
Exit code: 0 when every action is allowed (or could not be checked: a warning), 1 when one is
denied or the check failed, 2 on usage errors.`,
    run: async (argv) => (await import("./commands/doctor")).doctorCommand(argv),
  },
];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
