export { blankCommentsAndStrings, type TableReferences, tableReferences } from "./table-references";
