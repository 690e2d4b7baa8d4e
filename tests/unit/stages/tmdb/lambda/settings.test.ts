import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../../../pipeline/contract";
import { parseTmdbSettings } from "../../../../../pipeline/stages/tmdb/settings";

const ROLE = "arn:aws:iam::123456789012:role/lakebook-tmdb";
const cell = (source: string) => ({ id: "tmdb", source });

function problem(source: string): string {
  const error = (() => {
    try {
      parseTmdbSettings(cell(source));
    } catch (thrown) {
      return thrown;
    }
    throw new Error(`settings were accepted: ${source}`);
  })();
  expect(error).toBeInstanceOf(LakebookError);
  expect((error as LakebookError).code).toBe("TMDB_SETTINGS_INVALID");
  return (error as LakebookError).message.replace('TMDB cell "tmdb": ', "");
}

describe("the TMDB cell's lambda settings", () => {
  it("fills in the function name, memory and runtime; the role is the one thing to give", () => {
    expect(parseTmdbSettings(cell(`lambda: { roleArn: ${ROLE} }`)).lambda).toEqual({
      functionName: "lakebook-tmdb-enrich",
      roleArn: ROLE,
      memoryMb: 512,
      runtime: "nodejs22.x",
    });
    const all = `lambda:\n  functionName: my_fn-2\n  roleArn: ${ROLE}\n  memoryMb: 1024\n  runtime: nodejs24.x`;
    expect(parseTmdbSettings(cell(all)).lambda).toEqual({
      functionName: "my_fn-2",
      roleArn: ROLE,
      memoryMb: 1024,
      runtime: "nodejs24.x",
    });
    expect(parseTmdbSettings(cell("name: tmdb")).lambda).toBeUndefined();
  });

  it("names the field of every problem", () => {
    expect(problem("lambda: {}")).toContain('"lambda.roleArn" must be an IAM role ARN');
    expect(problem("lambda: { roleArn: lakebook-tmdb }")).toBe(
      '"lambda.roleArn" must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/lakebook-tmdb (found "lakebook-tmdb").',
    );
    expect(problem(`lambda: { roleArn: ${ROLE}, memoryMb: 64 }`)).toContain(
      '"lambda.memoryMb" must be a whole number',
    );
    expect(problem(`lambda: { roleArn: ${ROLE}, functionName: "a b" }`)).toContain('"lambda.functionName"');
    expect(problem(`lambda: { roleArn: ${ROLE}, runtime: nodejs20.x }`)).toBe(
      '"lambda.runtime" must be one of nodejs22.x, nodejs24.x (found "nodejs20.x").',
    );
    expect(problem(`lambda: { roleArn: ${ROLE}, timeout: 60 }`)).toBe(
      '"lambda.timeout" is not a lambda setting; they are functionName, roleArn, memoryMb, runtime.',
    );
    expect(problem("lambda: yes")).toContain('"lambda" must be a mapping');
  });
});
