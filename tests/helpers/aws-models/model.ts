import type { Shape, ShapeType } from "./shape";
import { type BotocoreShape, loadService, type MinifiedShape, type ServiceSources } from "./sources";

/**
 * The input shape of one operation, the current model's structure with the constraints laid on:
 * built once per operation (recursive shapes share one node) and kept.
 */
export function operationInput(clientName: string, operation: string): Shape | undefined {
  const sources = loadService(clientName);
  const key = `${clientName}.${operation}`;
  if (built.has(key)) return built.get(key);
  const op = sources.current.operations[operation];
  let input: Shape | undefined;
  if (op) {
    const botocoreName = sources.constraints?.operations[operation]?.input?.shape;
    input = op.input
      ? new ShapeBuilder(sources).build(op.input, botocoreName)
      : { type: "structure", members: {}, required: [] };
  }
  built.set(key, input);
  return input;
}

/** Whether the service has the operation at all (a command the model does not know). */
export function hasOperation(clientName: string, operation: string): boolean {
  return operation in loadService(clientName).current.operations;
}

const built = new Map<string, Shape | undefined>();

const scalarTypes = new Set<string>([
  "string",
  "integer",
  "long",
  "float",
  "double",
  "boolean",
  "timestamp",
  "blob",
]);

class ShapeBuilder {
  // Keyed by the minified shape object and the botocore name, so a recursive shape is one node.
  private readonly memo = new Map<MinifiedShape, Map<string, Shape>>();

  constructor(private readonly sources: ServiceSources) {}

  build(reference: MinifiedShape, botocoreName: string | undefined): Shape {
    const current = this.resolve(reference);
    const byName = this.memo.get(current) ?? new Map<string, Shape>();
    this.memo.set(current, byName);
    const memoKey = botocoreName ?? "";
    const known = byName.get(memoKey);
    if (known) return known;

    const type = (current.type ?? "string") as ShapeType;
    const constraints = botocoreName ? this.sources.constraints?.shapes[botocoreName] : undefined;
    const matching = constraints?.type === type ? constraints : undefined;
    const shape: Shape = { type };
    if (botocoreName) shape.name = botocoreName;
    byName.set(memoKey, shape);

    if (type === "structure") this.fillStructure(shape, current, matching);
    else if (type === "list" && current.member) {
      shape.member = this.build(current.member, matching?.member?.shape);
    } else if (type === "map" && current.key && current.value) {
      shape.key = this.build(current.key, matching?.key?.shape);
      shape.value = this.build(current.value, matching?.value?.shape);
    } else if (!scalarTypes.has(type)) {
      throw new Error(`Unknown shape type ${type} in the model`);
    }
    if (matching) this.addConstraints(shape, matching, botocoreName as string);
    else if (botocoreName && type === "string") this.addEnum(shape, botocoreName, undefined);
    return shape;
  }

  private fillStructure(shape: Shape, current: MinifiedShape, constraints?: BotocoreShape): void {
    shape.members = {};
    shape.required = current.required ?? [];
    if (current.document || constraints?.document) shape.document = true;
    if (constraints?.union) shape.union = true;
    for (const [name, member] of Object.entries(current.members ?? {})) {
      shape.members[name] = this.build(member, constraints?.members?.[name]?.shape);
    }
  }

  private addConstraints(shape: Shape, constraints: BotocoreShape, name: string): void {
    if (constraints.min !== undefined) shape.min = constraints.min;
    if (constraints.max !== undefined) shape.max = constraints.max;
    if (constraints.pattern !== undefined) shape.pattern = constraints.pattern;
    if (shape.type === "string") this.addEnum(shape, name, constraints.enum);
  }

  private addEnum(shape: Shape, name: string, older: readonly string[] | undefined): void {
    const current = this.sources.enums.get(name);
    if (!current && !older) return;
    shape.enum = [...new Set([...(current ?? []), ...(older ?? [])])];
  }

  /** A member that names a shared shape takes that shape; `{}` is a plain string. */
  private resolve(reference: MinifiedShape): MinifiedShape {
    if (!reference.shape) return reference;
    const shared = this.sources.current.shapes[reference.shape];
    if (!shared) throw new Error(`The model names a missing shape ${reference.shape}`);
    return shared;
  }
}
