import { describe, expect, it } from "vitest";
import type { Shape } from "../../../helpers/aws-models/shape";
import { validateValue } from "../../../helpers/aws-models/validate";

// Small hand-made shapes: each rule fails on a planted bad value and passes on a good one.
const name: Shape = { type: "string", name: "NameString", min: 1, max: 8, pattern: "[a-z_]*" };
const column: Shape = {
  type: "structure",
  name: "Column",
  required: ["Name"],
  members: { Name: name, Type: { type: "string", enum: ["int", "string"] } },
};
const table: Shape = {
  type: "structure",
  name: "TableInput",
  required: ["Name"],
  members: {
    Name: name,
    Columns: { type: "list", min: 1, max: 3, member: column },
    Parameters: { type: "map", max: 2, key: name, value: { type: "string", max: 3 } },
    Retention: { type: "integer", min: 0, max: 10 },
    Size: { type: "long", min: 1 },
    Ratio: { type: "double", max: 1 },
    Compressed: { type: "boolean" },
    Created: { type: "timestamp" },
    Bytes: { type: "blob", max: 4 },
    Target: {
      type: "structure",
      union: true,
      members: { S3: { type: "string" }, Jdbc: { type: "string" } },
    },
    Extra: { type: "structure", document: true },
  },
};
const input = { TableInput: table };
const root: Shape = { type: "structure", required: ["TableInput"], members: input };

const good = {
  TableInput: {
    Name: "movies",
    Columns: [{ Name: "id", Type: "string" }],
    Parameters: { ab: "x" },
    Retention: 10,
    Size: 2n,
    Ratio: 0.5,
    Compressed: false,
    Created: new Date(0),
    Bytes: new Uint8Array(4),
    Target: { S3: "s3://b" },
    Extra: { any: [1, "two", null, { three: true }] },
  },
};

function withTable(patch: Record<string, unknown>) {
  return { TableInput: { ...good.TableInput, ...patch } };
}

function violations(value: unknown) {
  return validateValue(root, value).map(({ path, rule }) => `${path} ${rule}`);
}

describe("validateValue", () => {
  it("passes a good input, with undefined and null members treated as absent", () => {
    expect(violations(good)).toEqual([]);
    expect(violations(withTable({ Retention: undefined, Ratio: null }))).toEqual([]);
  });

  it("names each missing required member, nested ones by their path", () => {
    expect(violations({})).toEqual(["TableInput required"]);
    expect(violations(withTable({ Columns: [{ Name: "a" }, { Type: "int" }] }))).toEqual([
      "TableInput.Columns[1].Name required",
    ]);
  });

  it("refuses members the model does not have", () => {
    expect(violations(withTable({ Nmae: "x" }))).toEqual(["TableInput.Nmae unknown member"]);
  });

  it("checks every type", () => {
    const cases: [string, unknown][] = [
      ["Name", 5],
      ["Columns", { Name: "a" }],
      ["Parameters", ["a"]],
      ["Retention", 1.5],
      ["Retention", "1"],
      ["Size", 1.5],
      ["Ratio", "0.5"],
      ["Compressed", "true"],
      ["Created", "not a date"],
      ["Bytes", 12],
      ["Target", "s3://b"],
    ];
    for (const [member, value] of cases) {
      expect(violations(withTable({ [member]: value })), member).toEqual([`TableInput.${member} type`]);
    }
    expect(violations(withTable({ Retention: 2 ** 31 }))).toContain("TableInput.Retention type");
    expect(violations(withTable({ Columns: [undefined] }))).toEqual(["TableInput.Columns[0] type"]);
  });

  it("accepts the SDK's other forms of timestamps and blobs", () => {
    expect(violations(withTable({ Created: "2026-01-02T03:04:05Z", Bytes: "abcd" }))).toEqual([]);
    expect(violations(withTable({ Created: 1_700_000_000, Bytes: Buffer.from("ab") }))).toEqual([]);
  });

  it("checks integer and number ranges", () => {
    expect(violations(withTable({ Retention: -1 }))).toEqual(["TableInput.Retention range"]);
    expect(violations(withTable({ Retention: 11 }))).toEqual(["TableInput.Retention range"]);
    expect(violations(withTable({ Size: 0 }))).toEqual(["TableInput.Size range"]);
    expect(violations(withTable({ Ratio: 1.5 }))).toEqual(["TableInput.Ratio range"]);
  });

  it("checks string, list, map and blob lengths, strings in characters", () => {
    expect(violations(withTable({ Name: "" }))).toEqual(["TableInput.Name length"]);
    expect(violations(withTable({ Name: "much_too_long" }))).toEqual(["TableInput.Name length"]);
    expect(violations(withTable({ Name: "ééééé" }))).toEqual(["TableInput.Name pattern"]);
    expect(violations(withTable({ Columns: [] }))).toEqual(["TableInput.Columns length"]);
    const four = Array.from({ length: 4 }, () => ({ Name: "a" }));
    expect(violations(withTable({ Columns: four }))).toEqual(["TableInput.Columns length"]);
    expect(violations(withTable({ Parameters: { a: "1", b: "2", c: "3" } }))).toEqual([
      "TableInput.Parameters length",
    ]);
    expect(violations(withTable({ Parameters: { a: "long" } }))).toEqual([
      'TableInput.Parameters["a"] length',
    ]);
    expect(violations(withTable({ Parameters: { "": "x" } }))).toEqual([
      'TableInput.Parameters[""] (key) length',
    ]);
    expect(violations(withTable({ Bytes: new Uint8Array(5) }))).toEqual(["TableInput.Bytes length"]);
  });

  it("checks enums", () => {
    expect(violations(withTable({ Columns: [{ Name: "a", Type: "bigint" }] }))).toEqual([
      "TableInput.Columns[0].Type enum",
    ]);
  });

  it("checks patterns against the whole value", () => {
    expect(violations(withTable({ Name: "a-b" }))).toEqual(["TableInput.Name pattern"]);
    expect(violations(withTable({ Name: "a_b" }))).toEqual([]);
  });

  it("takes exactly one member of a union", () => {
    expect(violations(withTable({ Target: {} }))).toEqual(["TableInput.Target union"]);
    expect(violations(withTable({ Target: { S3: "a", Jdbc: "b" } }))).toEqual(["TableInput.Target union"]);
  });

  it("takes only JSON values in a document", () => {
    expect(violations(withTable({ Extra: { when: new Date(0) } }))).toEqual([
      'TableInput.Extra["when"] document',
    ]);
    expect(violations(withTable({ Extra: [Number.NaN] }))).toEqual(["TableInput.Extra[0] document"]);
  });

  it("reports every violation, not only the first", () => {
    const bad = { TableInput: { Name: "", Nmae: 1, Columns: [{ Type: "x" }] } };
    expect(violations(bad)).toEqual([
      "TableInput.Name length",
      "TableInput.Nmae unknown member",
      "TableInput.Columns[0].Name required",
      "TableInput.Columns[0].Type enum",
    ]);
  });
});
