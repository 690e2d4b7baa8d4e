/**
 * One input shape of an AWS operation, as the validator sees it: the structure of the published
 * model (member names, types, required members) with the constraints AWS checks on each value
 * (length, range, pattern, enum). `sources.ts` builds these from the model files; the validator's
 * own tests build small ones by hand.
 */
export type ShapeType =
  | "structure"
  | "list"
  | "map"
  | "string"
  | "integer"
  | "long"
  | "float"
  | "double"
  | "boolean"
  | "timestamp"
  | "blob";

export interface Shape {
  type: ShapeType;
  /** The model's name for the shape, when it has one: shown in messages. */
  name?: string;
  members?: Record<string, Shape>;
  required?: readonly string[];
  /** A tagged union: exactly one member is set. */
  union?: boolean;
  /** A document: any JSON value. */
  document?: boolean;
  member?: Shape;
  key?: Shape;
  value?: Shape;
  /** Length for strings, blobs, lists and maps; value for numbers. */
  min?: number;
  max?: number;
  pattern?: string;
  enum?: readonly string[];
}
