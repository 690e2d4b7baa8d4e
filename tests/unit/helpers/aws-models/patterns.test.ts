import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileJavaPattern } from "../../../helpers/aws-models/patterns";
import { botocoreDataFolder, constraintsInstalled } from "../../../helpers/aws-models/sources";

function matches(pattern: string, value: string): boolean | string {
  const compiled = compileJavaPattern(pattern);
  return "regex" in compiled ? compiled.regex.test(value) : `skipped: ${compiled.skipped}`;
}

describe("compileJavaPattern", () => {
  it("matches the whole value, as AWS does", () => {
    expect(matches("[a-zA-Z0-9_.-]+", "smart-dcb-messages")).toBe(true);
    expect(matches("[a-zA-Z0-9_.-]+", '"smart-dcb-messages"')).toBe(false);
  });

  it("reads a surrogate pair range as the code points above U+FFFF, like Java", () => {
    const glueName = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";
    expect(matches(glueName, "filmes de terror 🎃")).toBe(true);
    expect(matches(glueName, "two\nlines")).toBe(false);
  });

  it("translates POSIX classes, escaped punctuation, \\A \\z \\Q…\\E and \\x{…}", () => {
    expect(matches("\\p{Alpha}[\\p{Alnum}\\_]*", "tt0000009")).toBe(true);
    expect(matches("\\p{Alpha}[\\p{Alnum}\\_]*", "9tt")).toBe(false);
    expect(matches("[\\w\\:\\@\\-]+", "arn:aws@x-y")).toBe(true);
    expect(matches("\\A\\Qa.b\\E\\z", "a.b")).toBe(true);
    expect(matches("\\A\\Qa.b\\E\\z", "axb")).toBe(false);
    expect(matches("[\\x{20}-\\x{7E}]+", "ok")).toBe(true);
    expect(matches("[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*", "Terror é bom")).toBe(true);
  });

  it("skips, rather than misreads, what JavaScript has no equivalent for", () => {
    expect(matches("a++b", "aab")).toMatch(/^skipped: a possessive quantifier/);
    expect(matches("(?>a|ab)c", "abc")).toMatch(/^skipped: an atomic group/);
    expect(matches("[a-z&&[^aeiou]]+", "xyz")).toMatch(/^skipped/);
  });

  it.runIf(constraintsInstalled() || Boolean(process.env.CI))(
    "compiles all but a counted few of the patterns in the models Lakebook uses",
    () => {
      const services = [
        "s3",
        "glue",
        "athena",
        "lambda",
        "quicksight",
        "secretsmanager",
        "sts",
        "logs",
        "iam",
      ];
      const patterns = new Set<string>();
      for (const service of services) {
        const folder = join(botocoreDataFolder, service);
        const version = readdirSync(folder).sort().at(-1) as string;
        const model = JSON.parse(readFileSync(join(folder, version, "service-2.json"), "utf8"));
        for (const shape of Object.values(model.shapes) as { pattern?: string }[]) {
          if (shape.pattern) patterns.add(shape.pattern);
        }
      }
      const skipped = [...patterns].filter((pattern) => "skipped" in compileJavaPattern(pattern));
      // At the time of writing: 120 distinct patterns, none skipped. A new model may bring some;
      // they are then not checked, and this count says how many.
      expect(patterns.size).toBeGreaterThan(100);
      expect(skipped).toEqual([]);
    },
  );
});
