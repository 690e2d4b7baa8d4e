import { GetWorkGroupCommand } from "@aws-sdk/client-athena";
import { EntityNotFoundException, GetTableCommand } from "@aws-sdk/client-glue";
import {
  AccessDeniedException,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeAccountSubscriptionCommand,
  DescribeUserCommand,
} from "@aws-sdk/client-quicksight";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract";
import type { Notebook } from "../../../../pipeline/document";
import { createPublishStage } from "../../../../pipeline/stages/publish";
import {
  allCalls,
  cell,
  clients,
  context,
  firstPublishMocks,
  mocks,
  notebook,
  notFound,
  passingPreflight,
  resetMocks,
} from "./fixtures";

const stage = createPublishStage({ clients, sleep: async () => undefined });
const PUBLISH = "dashboard: horror-subgenres\ncharts: [rating_by_subgenre, titles_by_kind, title_count]";

async function failure(nb: Notebook, target?: Parameters<typeof context>[1]): Promise<LakebookError> {
  const error = await stage.run(nb.cells.at(-1) as never, context(nb, target)).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LakebookError)) throw new Error(`expected a LakebookError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  resetMocks();
  passingPreflight();
});
afterEach(resetMocks);

describe("publish: the permissions doctor stops before anything is made", () => {
  it("AccessDenied on the user: says which IAM action is missing, creates nothing", async () => {
    mocks.quicksight.on(DescribeUserCommand).rejects(
      new AccessDeniedException({
        message: "User is not authorized to perform quicksight:DescribeUser",
        $metadata: {},
      }),
    );
    const error = await failure(notebook(PUBLISH));
    expect(error.code).toBe("PUBLISH_PREFLIGHT_FAILED");
    expect(error.message).toContain("1 preflight check failed");
    expect(error.message).toContain(
      "- QuickSight user: QuickSight could not read the QuickSight user student",
    );
    expect(error.message).toContain(
      "Fix: The AWS identity in use may not read the QuickSight user student: its IAM policy needs quicksight:DescribeUser",
    );
    expect(mocks.quicksight.commandCalls(CreateDataSourceCommand)).toHaveLength(0);
  });

  it("no QuickSight account: tells to sign up", async () => {
    mocks.quicksight
      .on(DescribeAccountSubscriptionCommand)
      .rejects(notFound("Account 123456789012 does not exist"));
    const error = await failure(notebook(PUBLISH));
    expect(error.message).toContain("- QuickSight account:");
    expect(error.message).toContain(
      "Fix: This AWS account has no QuickSight subscription in this region: sign up for QuickSight",
    );
  });

  it("a missing user, a reader, a workgroup without results and a missing table are all listed in one run", async () => {
    mocks.quicksight.on(DescribeUserCommand).rejects(notFound("User student not found"));
    mocks.athena
      .on(GetWorkGroupCommand)
      .resolves({ WorkGroup: { Name: "primary", State: "ENABLED", Configuration: {} } });
    mocks.glue
      .on(GetTableCommand, { Name: "dim_title" })
      .rejects(new EntityNotFoundException({ message: "Table dim_title not found", $metadata: {} }));
    const error = await failure(notebook(PUBLISH));
    expect(error.message).toContain("3 preflight checks failed");
    expect(error.message).toContain(
      "- QuickSight user: there is no QuickSight user student in the default namespace\n  Fix: Invite the user",
    );
    expect(error.message).toContain("- Athena workgroup: the workgroup primary has no query result location");
    expect(error.message).toContain("Athena console → Workgroups → primary → Edit → Query result location");
    expect(error.message).toContain(
      "- REFINED table refined.dim_title: refined.dim_title is not in the Glue Data Catalog",
    );

    mocks.quicksight.on(DescribeUserCommand).resolves({ User: { Role: "READER" } });
    const reader = await failure(notebook(PUBLISH));
    expect(reader.message).toContain("student is a READER: readers cannot own analyses");
  });

  it("without credentials, says so and checks nothing else", async () => {
    mocks.sts.reset();
    mocks.sts.rejects(
      Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
    );
    const error = await failure(notebook(PUBLISH));
    expect(error.message).toContain("- AWS credentials:");
    expect(error.message).toContain("aws sso login");
    expect(mocks.quicksight.calls()).toHaveLength(0);
  });
});

describe("publish: refused before any AWS call", () => {
  const layered = cell("layered", "chart", JSON.stringify({ layer: [{ mark: "bar" }, { mark: "rule" }] }), {
    source: "top_subgenres",
  });
  const logScale = cell(
    "log_votes",
    "chart",
    JSON.stringify({
      mark: "bar",
      encoding: {
        x: { field: "subgenre", type: "nominal" },
        y: { field: "titles", type: "quantitative", scale: { type: "log" } },
      },
    }),
    { source: "top_subgenres" },
  );

  it("lists every untranslatable encoding and sends nothing", async () => {
    const nb = notebook("dashboard: d\ncharts: [rating_by_subgenre, layered, log_votes]", [
      layered,
      logScale,
    ]);
    const error = await failure(nb);
    expect(error.code).toBe("PUBLISH_UNTRANSLATABLE");
    expect(error.message).toContain(
      "Nothing was sent: 3 parts of the charts cannot be translated to QuickSight:",
    );
    expect(error.message).toContain("- layered: layer: a composed view");
    expect(error.message).toContain("- log_votes: encoding.y.scale.type: QuickSight axes are linear");
    expect(error.hint).toBe(
      "Change the chart cells as said, or leave them out with skip: [layered, log_votes] in the publish cell.",
    );
    expect(allCalls()).toHaveLength(0);
  });

  it("skip: leaves the untranslatable charts out and publishes the rest", async () => {
    const nb = notebook("dashboard: d\ncharts: [rating_by_subgenre, layered]\nskip: [layered]", [layered]);
    firstPublishMocks();
    const outcome = await stage.run(nb.cells.at(-1) as never, context(nb));
    expect(outcome.summary).toContain("Dashboard published");
    const text = outcome.output?.type === "publish" ? outcome.output.text : "";
    expect(text).toContain("Skipped (skip:):\n- layered\n  - layer: a composed view");
    expect(mocks.quicksight.commandCalls(CreateDataSetCommand)).toHaveLength(1);
  });

  it("refuses charts whose SQL reads outside REFINED", async () => {
    const raw = cell("raw_sql", "sql", "SELECT genero, count(*) AS n FROM raw.movies GROUP BY genero");
    const chart = cell("raw_chart", "chart", JSON.stringify({ mark: "bar", encoding: {} }), {
      source: "raw_sql",
    });
    const error = await failure(notebook("dashboard: d\ncharts: [raw_chart]", [raw, chart]));
    expect(error.code).toBe("PUBLISH_NOT_REFINED");
    expect(error.message).toBe("The chart raw_chart reads raw.movies through raw_sql: not REFINED tables.");
    expect(allCalls()).toHaveLength(0);
  });

  it("names the chart cells when a chart id is wrong, and the fields when the settings are", async () => {
    expect((await failure(notebook("dashboard: d\ncharts: [nope]"))).hint).toBe(
      "The chart cells are: rating_by_subgenre, titles_by_kind, title_count.",
    );
    expect(
      (await failure(notebook("dashboard: d\ncharts: [rating_by_subgenre]\nimportMode: FAST"))).message,
    ).toContain(
      '"importMode" is not valid (found "FAST"); expected DIRECT_QUERY (Athena on every view) or SPICE',
    );
    expect(
      (await failure(notebook("dashboard: d\ncharts: [rating_by_subgenre]\ncolour: red"))).message,
    ).toContain('unknown field "colour"');
  });
});

describe("publish: on a local target", () => {
  it("calls nothing and shows the plan, the checks it would run and the console steps it replaces", async () => {
    const layered = cell("layered", "chart", JSON.stringify({ layer: [] }), { source: "top_subgenres" });
    const nb = notebook(`${PUBLISH.replace("title_count]", "title_count, layered]")}`, [layered]);
    const outcome = await stage.run(nb.cells.at(-1) as never, context(nb, { kind: "local" }));
    expect(allCalls()).toHaveLength(0);
    expect(outcome.summary).toBe(
      "Plan: 3 visuals, 3 datasets, 2 untranslatable (local target, nothing sent)",
    );
    const text = outcome.output?.type === "publish" ? outcome.output.text : "";
    expect(text).toContain(
      "- rating_by_subgenre → BarChartVisual\n- titles_by_kind → PieChartVisual\n- title_count → KPIVisual",
    );
    expect(text).toContain(
      "- lakebook-horror-subgenres-titles_by_kind: RelationalTable AwsDataCatalog.refined.dim_title, DIRECT_QUERY",
    );
    expect(text).toContain("- layered: layer: a composed view");
    expect(text).toContain("- Athena workgroup: GetWorkGroup");
    expect(text).toContain("Owner: none named yet");
    expect(text).toContain("2. Datasets → New dataset → Athena");
  });
});
