import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listProfileNames, profileNamesIn, sharedProfileFiles } from "../../../../pipeline/aws/sts";
import { EXAMPLE_KEY_ID } from "../../../helpers/example-aws-keys";

const CONFIG = `[default]
region = eu-west-1

[profile course]
sso_session = school
region = us-east-1

[sso-session school]
sso_start_url = https://school.awsapps.com/start

[services local]
s3 =
  endpoint_url = http://127.0.0.1:4569
`;
const CREDENTIALS = `[default]
aws_access_key_id = ${EXAMPLE_KEY_ID}
aws_secret_access_key = not-a-real-secret

[  analyst  ]
aws_access_key_id = ${EXAMPLE_KEY_ID}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-profiles-"));
  await writeFile(path.join(dir, "config"), CONFIG);
  await writeFile(path.join(dir, "credentials"), CREDENTIALS);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the shared AWS profiles", () => {
  it("are the section names only: profiles of the config file, every section of the credentials file", () => {
    expect(profileNamesIn(CONFIG, "config")).toEqual(["default", "course"]);
    expect(profileNamesIn(CREDENTIALS, "credentials")).toEqual(["default", "analyst"]);
  });

  it("merges both files, default first, and never holds a key", async () => {
    const names = await listProfileNames([path.join(dir, "config"), path.join(dir, "credentials")]);
    expect(names).toEqual(["default", "analyst", "course"]);
    expect(JSON.stringify(names)).not.toMatch(/AKIA|secret/);
  });

  it("is empty without the files, and follows the SDK's environment variables", async () => {
    expect(await listProfileNames([path.join(dir, "none"), path.join(dir, "gone")])).toEqual([]);
    expect(
      sharedProfileFiles({ AWS_CONFIG_FILE: "/c", AWS_SHARED_CREDENTIALS_FILE: "/k" }, "/home/me"),
    ).toEqual(["/c", "/k"]);
    expect(sharedProfileFiles({}, "/home/me")).toEqual(["/home/me/.aws/config", "/home/me/.aws/credentials"]);
  });
});
