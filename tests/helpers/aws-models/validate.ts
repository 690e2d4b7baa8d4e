import { compileJavaPattern } from "./patterns";
import type { Shape } from "./shape";

/**
 * What botocore's ParamValidator checks before a request leaves the machine, plus what the
 * service checks on arrival and botocore leaves to it (maximum lengths and values, enums, patterns):
 * each violation is one thing AWS would reject, at its path (`TableInput.Columns[3].Name`).
 */
export type Rule =
  | "operation"
  | "required"
  | "unknown member"
  | "type"
  | "range"
  | "length"
  | "enum"
  | "pattern"
  | "union"
  | "document";

export interface Violation {
  path: string;
  rule: Rule;
  message: string;
}

/** Patterns seen that JavaScript cannot apply as Java does, with why: not checked, but counted. */
export const skippedPatterns = new Map<string, string>();

export function validateValue(shape: Shape, value: unknown, path = ""): Violation[] {
  const violations: Violation[] = [];
  check(shape, value, path, violations);
  return violations;
}

function check(shape: Shape, value: unknown, path: string, out: Violation[]): void {
  const fail = (rule: Rule, message: string): void => {
    out.push({ path: path || "(input)", rule, message });
  };
  if (shape.document) {
    checkDocument(value, path, out);
    return;
  }
  switch (shape.type) {
    case "structure":
      if (!isPlainObject(value)) {
        fail("type", `expected a structure, got ${describe(value)}`);
        return;
      }
      checkStructure(shape, value, path, out);
      return;
    case "list":
      if (!Array.isArray(value)) {
        fail("type", `expected a list, got ${describe(value)}`);
        return;
      }
      checkLength(shape, value.length, "items", fail);
      value.forEach((item, index) => {
        if (item === undefined || item === null) {
          out.push({ path: `${path}[${index}]`, rule: "type", message: "a list item is empty" });
        } else if (shape.member) check(shape.member, item, `${path}[${index}]`, out);
      });
      return;
    case "map":
      if (!isPlainObject(value)) {
        fail("type", `expected a map, got ${describe(value)}`);
        return;
      }
      checkLength(shape, Object.keys(value).length, "entries", fail);
      for (const [key, item] of Object.entries(value)) {
        const at = `${path}[${JSON.stringify(key)}]`;
        if (shape.key) check(shape.key, key, `${at} (key)`, out);
        if (shape.value && item !== undefined) check(shape.value, item, at, out);
      }
      return;
    case "string":
      if (typeof value !== "string") {
        fail("type", `expected a string, got ${describe(value)}`);
        return;
      }
      checkString(shape, value, fail);
      return;
    case "integer":
    case "long":
      checkInteger(shape, value, fail);
      return;
    case "float":
    case "double":
      if (typeof value !== "number" || Number.isNaN(value)) {
        fail("type", `expected a number, got ${describe(value)}`);
        return;
      }
      checkRange(shape, value, fail);
      return;
    case "boolean":
      if (typeof value !== "boolean") fail("type", `expected a boolean, got ${describe(value)}`);
      return;
    case "timestamp":
      if (!isTimestamp(value)) fail("type", `expected a Date, got ${describe(value)}`);
      return;
    case "blob": {
      const size = blobSize(value);
      if (size === "not a blob") {
        fail("type", `expected bytes, got ${describe(value)}`);
        return;
      }
      if (size !== undefined) checkLength(shape, size, "bytes", fail);
      return;
    }
  }
}

type Fail = (rule: Rule, message: string) => void;

function checkStructure(shape: Shape, value: Record<string, unknown>, path: string, out: Violation[]): void {
  const members = shape.members ?? {};
  const at = (name: string) => (path ? `${path}.${name}` : name);
  // The SDK leaves undefined and null members out of the request, so they count as absent.
  const present = Object.keys(value).filter((name) => value[name] !== undefined && value[name] !== null);
  for (const name of shape.required ?? []) {
    if (!present.includes(name)) {
      out.push({ path: at(name), rule: "required", message: "a required member is missing" });
    }
  }
  for (const name of present) {
    const member = members[name];
    if (!member) {
      const known = Object.keys(members).join(", ");
      out.push({
        path: at(name),
        rule: "unknown member",
        message: `not a member of ${shape.name ?? "the structure"} (members: ${known || "none"})`,
      });
      continue;
    }
    check(member, value[name], at(name), out);
  }
  if (shape.union && present.length !== 1) {
    out.push({
      path: path || "(input)",
      rule: "union",
      message: `a union takes exactly one member, got ${present.length} (${present.join(", ")})`,
    });
  }
}

function checkString(shape: Shape, value: string, fail: Fail): void {
  checkLength(shape, [...value].length, "characters", fail);
  if (shape.enum && !shape.enum.includes(value)) {
    fail("enum", `${JSON.stringify(value)} is not one of ${shape.enum.join(", ")}`);
  }
  if (shape.pattern === undefined) return;
  const compiled = compileJavaPattern(shape.pattern);
  if ("skipped" in compiled) {
    skippedPatterns.set(shape.pattern, compiled.skipped);
  } else if (!compiled.regex.test(value)) {
    fail("pattern", `${JSON.stringify(value)} does not match the pattern ${shape.pattern}`);
  }
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function checkInteger(shape: Shape, value: unknown, fail: Fail): void {
  const isWhole = (typeof value === "number" && Number.isInteger(value)) || typeof value === "bigint";
  if (!isWhole) {
    fail("type", `expected an integer, got ${describe(value)}`);
    return;
  }
  const number = Number(value);
  if (shape.type === "integer" && (number < int32.min || number > int32.max)) {
    fail("type", `${number} does not fit a 32-bit integer`);
    return;
  }
  checkRange(shape, number, fail);
}

function checkRange(shape: Shape, value: number, fail: Fail): void {
  if (shape.min !== undefined && value < shape.min)
    fail("range", `${value} is below the minimum ${shape.min}`);
  if (shape.max !== undefined && value > shape.max)
    fail("range", `${value} is above the maximum ${shape.max}`);
}

function checkLength(shape: Shape, length: number, unit: string, fail: Fail): void {
  if (shape.min !== undefined && length < shape.min) {
    fail("length", `${length} ${unit}, the minimum is ${shape.min}`);
  }
  if (shape.max !== undefined && length > shape.max) {
    fail("length", `${length} ${unit}, the maximum is ${shape.max}`);
  }
}

function checkDocument(value: unknown, path: string, out: Violation[]): void {
  const fail = (at: string, message: string) =>
    out.push({ path: at || "(input)", rule: "document", message });
  const walk = (item: unknown, at: string): void => {
    if (item === null || ["string", "boolean"].includes(typeof item)) return;
    if (typeof item === "number") {
      if (!Number.isFinite(item)) fail(at, `${item} is not a JSON number`);
      return;
    }
    if (Array.isArray(item)) {
      item.forEach((entry, index) => {
        walk(entry, `${at}[${index}]`);
      });
      return;
    }
    if (isPlainObject(item)) {
      for (const [key, entry] of Object.entries(item)) walk(entry, `${at}[${JSON.stringify(key)}]`);
      return;
    }
    fail(at, `a document holds JSON values only, got ${describe(item)}`);
  };
  walk(value, path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isTimestamp(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

/** The blob's size when it can be known without reading it; streams are accepted as they are. */
function blobSize(value: unknown): number | undefined | "not a blob" {
  if (typeof value === "string") return Buffer.byteLength(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (typeof Blob !== "undefined" && value instanceof Blob) return value.size;
  const stream = value as { pipe?: unknown; getReader?: unknown } | null;
  if (stream && (typeof stream.pipe === "function" || typeof stream.getReader === "function")) {
    return undefined;
  }
  return "not a blob";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a Date";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no prototype"})`;
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return `${typeof value} ${String(value)}`;
}
