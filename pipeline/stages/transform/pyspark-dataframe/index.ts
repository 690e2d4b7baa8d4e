export { dataframeLines } from "./dataframe-code";
export { pyComment, pyLong, pyString, pythonNames } from "./python-text";
