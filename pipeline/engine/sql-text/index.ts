export { type DialectFinding, duckdbOnlyConstructs } from "./athena-dialect";
export { blankCommentsAndStrings, type TableReferences, tableReferences } from "./table-references";
