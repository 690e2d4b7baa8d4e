import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoProject } from "../../helpers/demo-lake";
import { type FakeIam, startFakeIam } from "../../helpers/fake-iam";
import { lakebook, lakebookInOneProcess } from "./run-cli";

let dir: string;
let notebook: string;

const AWS_NOTEBOOK = [
  "---",
  "lakebook: 1",
  "title: On AWS",
  "target:",
  "  kind: aws",
  "  bucket: my-lake",
  "  region: eu-west-1",
  "  prefix: course",
  "---",
  "",
  "```ingest {#ingest_movies}",
  "dataset: movies",
  "file: data/movies.csv",
  "```",
  "",
  "```sql {#count_movies}",
  "SELECT count(*) FROM raw.movies",
  "```",
  "",
].join("\n");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-doctor-"));
  // What `lakebook demo demo` writes, copied (another test process may be writing it: it may take a while).
  await copyDemoProject(path.join(dir, "demo"));
  notebook = path.join(dir, "demo", "aws.lakebook.md");
  await writeFile(notebook, AWS_NOTEBOOK);
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The CLI against the fake STS and IAM, with keys that reach nothing else. */
async function withFakeIam<T>(
  decide: Parameters<typeof startFakeIam>[0]["decide"],
  use: (env: Record<string, string>, fake: FakeIam) => Promise<T>,
): Promise<T> {
  const fake = await startFakeIam({ callerArn: "arn:aws:iam::123456789012:user/ana", decide });
  try {
    return await use(
      {
        AWS_ENDPOINT_URL_STS: fake.endpoint,
        AWS_ENDPOINT_URL_IAM: fake.endpoint,
        AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY: "doctor-test-secret",
        AWS_EC2_METADATA_DISABLED: "true",
      },
      fake,
    );
  } finally {
    await fake.stop();
  }
}

describe("lakebook doctor", () => {
  it("says there is nothing to check on a local target, exit 0", async () => {
    const result = await lakebook(["doctor", path.join(dir, "demo", "horror-subgenres.lakebook.md")], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/local lake.*nothing to check/);
  });

  it("exits 2 when typed wrong", async () => {
    const [none, badFlag] = await lakebookInOneProcess(
      [["doctor"], ["doctor", notebook, "--frobnicate"]],
      dir,
    );
    expect(none?.code).toBe(2);
    expect(badFlag?.code).toBe(2);
  });

  it("exits 0 when every action is allowed, and prints the JSON report", async () => {
    await withFakeIam(
      () => "allowed",
      async (env, fake) => {
        const result = await lakebook(["doctor", notebook, "--json"], dir, env);
        expect(result.code, result.stderr).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(report.ok).toBe(true);
        expect(report.identity).toMatchObject({ arn: "arn:aws:iam::123456789012:user/ana" });
        expect(report.stages.map((s: { stage: string; cells: string[] }) => [s.stage, s.cells])).toEqual([
          ["ingest", ["ingest_movies"]],
          ["athena", ["count_movies"]],
          // Beside the cells: the catalog panel and course mode list the lake's tables.
          ["workbench", []],
        ]);
        expect(report.stages[0].checks).toContainEqual({
          action: "s3:PutObject",
          resource: "arn:aws:s3:::my-lake/course/Raw/Local/CSV/*",
          decision: "allowed",
        });
        expect(report.policies.map((p: { name: string }) => p.name)).toEqual(["user"]);
        const simulated = fake.requests.filter((r) => r.get("Action") === "SimulatePrincipalPolicy");
        expect(
          simulated.every((r) => r.get("PolicySourceArn") === "arn:aws:iam::123456789012:user/ana"),
        ).toBe(true);
        expect(result.stdout + result.stderr).not.toContain("doctor-test-secret");
      },
    );
  });

  it("exits 1 and names the denied action and the policy to add", async () => {
    await withFakeIam(
      (action) => (action === "glue:CreateTable" ? "implicitDeny" : "allowed"),
      async (env) => {
        const policies = path.join(dir, "policies");
        const result = await lakebook(["doctor", notebook, "--policies", policies], dir, env);
        expect(result.code, result.stderr).toBe(1);
        expect(result.stdout).toMatch(
          /DENIED\s+glue:CreateTable\s+arn:aws:glue:eu-west-1:123456789012:catalog/,
        );
        expect(result.stdout).toContain('"Version": "2012-10-17"');
        expect(await readdir(policies)).toEqual(["lakebook-user-policy.json"]);
        const written = JSON.parse(await readFile(path.join(policies, "lakebook-user-policy.json"), "utf8"));
        expect(written.Statement.flatMap((s: { Action: string[] }) => s.Action)).toContain(
          "glue:CreateTable",
        );
      },
    );
  });

  it("warns that it could not check, exit 0, when the identity may not simulate", async () => {
    await withFakeIam("refuse", async (env) => {
      const result = await lakebook(["doctor", notebook, "--json"], dir, env);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      const decisions = new Set(
        report.stages.flatMap((s: { checks: { decision: string }[] }) => s.checks.map((c) => c.decision)),
      );
      expect([...decisions]).toEqual(["unchecked"]);
      expect(report.note).toMatch(/iam:SimulatePrincipalPolicy/);
    });
  });

  it("fails the ingest cell before any AWS call when a permission is missing", async () => {
    await withFakeIam(
      (action) => (action === "s3:PutObject" ? "explicitDeny" : "allowed"),
      async (env) => {
        const result = await lakebook(["run", notebook, "--json", "--cell", "ingest_movies"], dir, env);
        expect(result.code).toBe(1);
        const cell = JSON.parse(result.stdout).cells[0];
        expect(cell.error.code).toBe("AWS_PERMISSIONS_MISSING");
        expect(cell.error.message).toContain("s3:PutObject on arn:aws:s3:::my-lake/course/Raw/Local/CSV/*");
        expect(cell.error.hint).toContain('"s3:PutObject"');
      },
    );
  });
});
