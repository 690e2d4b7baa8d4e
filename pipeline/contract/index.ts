export * from "./catalog";
export * from "./data-files";
export { CONTRACT_VERSION, describeContract } from "./describe";
export * from "./errors";
export * from "./events";
export * from "./methods";
export * from "./notebook";
export * from "./results";
export * from "./runs";
