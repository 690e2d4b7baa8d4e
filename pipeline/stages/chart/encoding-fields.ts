import type { Spec } from "./chart-spec";

/** One channel definition that reads a field, with where it sits in the spec (for messages). */
export interface FieldUse {
  /** `encoding.x`, `layer[1].encoding.tooltip[0]`, `facet.row`. */
  path: string;
  channel: string;
  /** The column name as written in the spec, `\.` unescaped. */
  field: string;
  def: Record<string, unknown>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The spec and every spec nested in it (layers, concatenations, the inner spec of facet/repeat). */
export function unitSpecs(spec: Spec, path = ""): { path: string; spec: Spec }[] {
  const found = [{ path, spec }];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of ["layer", "concat", "hconcat", "vconcat"]) {
    const list = spec[key];
    if (Array.isArray(list)) {
      list.forEach((inner, index) => {
        if (isObject(inner)) found.push(...unitSpecs(inner, `${at(key)}[${index}]`));
      });
    }
  }
  if (isObject(spec.spec)) found.push(...unitSpecs(spec.spec, at("spec")));
  return found;
}

/** Every field read by an encoding channel, a condition, an encoding sort or a facet, in spec order. */
export function fieldUses(spec: Spec): FieldUse[] {
  const uses: FieldUse[] = [];
  for (const unit of unitSpecs(spec)) {
    const prefix = unit.path ? `${unit.path}.` : "";
    if (isObject(unit.spec.encoding)) {
      for (const [channel, value] of Object.entries(unit.spec.encoding)) {
        collect(uses, channel, value, `${prefix}encoding.${channel}`);
      }
    }
    const facet = unit.spec.facet;
    if (isObject(facet)) {
      if ("field" in facet) collect(uses, "facet", facet, `${prefix}facet`);
      else
        for (const [channel, value] of Object.entries(facet))
          collect(uses, channel, value, `${prefix}facet.${channel}`);
    }
  }
  return uses;
}

function collect(uses: FieldUse[], channel: string, value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      collect(uses, channel, item, `${path}[${index}]`);
    });
    return;
  }
  if (!isObject(value)) return;
  // `{"repeat": "column"}` names a field chosen per repeated view: not a column to check.
  if (typeof value.field === "string")
    uses.push({ path, channel, field: columnName(value.field), def: value });
  if (isObject(value.sort) && typeof value.sort.field === "string") {
    uses.push({ path: `${path}.sort`, channel, field: columnName(value.sort.field), def: value.sort });
  }
  if (value.condition !== undefined) collect(uses, channel, value.condition, `${path}.condition`);
}

/** Vega-Lite escapes dots and brackets in a flat column name: `"a\\.b"` is the column `a.b`. */
export function columnName(field: string): string {
  return field.replace(/\\(.)/g, "$1");
}

/** Names the spec's transforms create (`as`): they are fields, but not columns of the source. */
export function derivedFields(spec: Spec): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "fold" && !("as" in value)) for (const name of ["key", "value"]) names.add(name);
        if (key === "from" && isObject(inner) && Array.isArray(inner.fields)) {
          for (const name of inner.fields) names.add(String(name));
        }
        if (key === "as" && typeof inner === "string") names.add(inner);
        else if (key === "as" && Array.isArray(inner)) for (const name of inner) names.add(String(name));
        else visit(inner);
      }
    }
  };
  for (const unit of unitSpecs(spec)) visit(unit.spec.transform);
  return names;
}
