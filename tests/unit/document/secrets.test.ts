import { describe, expect, it } from "vitest";
import type { LakebookError } from "../../../pipeline/contract/errors";
import {
  isSecretKey,
  type Notebook,
  type NotebookFileError,
  parseNotebook,
  writeNotebook,
} from "../../../pipeline/document";
import { EXAMPLE_KEY_ID } from "../../helpers/example-aws-keys";
import { file, thrownBy } from "./helpers";

const VALUE = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
const KEY_ID = EXAMPLE_KEY_ID;

function expectSecretError(error: LakebookError, mentions: string) {
  expect(error.code).toBe("NOTEBOOK_HAS_SECRET");
  expect(error.message).toContain(mentions);
  expect(error.message).not.toContain(VALUE);
  expect(error.message).not.toContain(KEY_ID);
  expect(error.hint).toMatch(/environment variable/);
  expect(error.hint).toMatch(/AWS profile/);
  expect(error.hint).toMatch(/keychain/);
}

describe("secret-looking keys", () => {
  it.each([
    "accessKeyId",
    "secretAccessKey",
    "sessionToken",
    "aws_secret_access_key",
    "apiKey",
    "api_key",
    "API-KEY",
    "token",
    "password",
    "secret",
    "readAccessToken",
    "db_passwd",
    "private_key",
  ])("%s is refused", (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(["bucket", "region", "profile", "workgroup", "glueRole", "label", "engine", "keywords"])(
    "%s is fine",
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );
});

describe("reading a file with a secret", () => {
  it("refuses a secret in the target, naming file:line:col and the key", () => {
    const text = file("---", "lakebook: 1", "target:", "  kind: aws", `  secretAccessKey: ${VALUE}`, "---");
    const error = thrownBy<NotebookFileError>(() => parseNotebook(text, "lake.lakebook.md"));
    expectSecretError(error, "target.secretAccessKey");
    expect(error.message).toMatch(/^lake\.lakebook\.md:5:3: /);
    expect([error.line, error.column]).toEqual([5, 3]);
  });

  it("refuses a secret anywhere in the front matter, even in a plain Markdown file", () => {
    const text = file("---", "tmdb:", "  settings:", `    - apiKey: ${VALUE}`, "---", "", "# Notes");
    const error = thrownBy<NotebookFileError>(() => parseNotebook(text));
    expectSecretError(error, '"tmdb.settings.0.apiKey"');
    expect([error.line, error.column]).toEqual([4, 7]);
  });

  it("refuses an AWS access key id pasted as a value", () => {
    const text = file("---", "lakebook: 1", `note: ${KEY_ID}`, "---");
    const error = thrownBy<NotebookFileError>(() => parseNotebook(text));
    expectSecretError(error, 'the value of "note"');
    expect([error.line, error.column]).toEqual([3, 7]);
  });

  it("refuses a secret in a cell attribute, pointing at the key", () => {
    const text = file(
      "---",
      "lakebook: 1",
      "---",
      "",
      `\`\`\`tmdb {#details label=x readAccessToken="${VALUE}"}`,
      "```",
    );
    const error = thrownBy<NotebookFileError>(() => parseNotebook(text, "a.lakebook.md"));
    expectSecretError(error, '"readAccessToken"');
    expect(error.message).toMatch(/^a\.lakebook\.md:5:27: cell "details": /);
  });
});

describe("writing a notebook with a secret", () => {
  const base: Notebook = { meta: { lakebook: 1 }, cells: [] };

  it("refuses secrets in the front matter", () => {
    const nb = {
      ...base,
      meta: { lakebook: 1, target: { kind: "aws", bucket: "b", region: "r", password: VALUE } },
    };
    expectSecretError(
      thrownBy(() => writeNotebook(nb)),
      "target.password",
    );
  });

  it("refuses secrets in cell attributes", () => {
    const nb = {
      ...base,
      cells: [{ id: "q", kind: "sql", attrs: [{ key: "api_key", value: VALUE }], source: "" }],
    };
    expectSecretError(
      thrownBy(() => writeNotebook(nb)),
      'cell "q": "api_key"',
    );
  });

  it("refuses AWS key ids as values, even in lists", () => {
    const nb = { ...base, meta: { lakebook: 1, notes: ["fine", KEY_ID] } };
    expectSecretError(
      thrownBy(() => writeNotebook(nb)),
      "notes.1",
    );
  });
});
