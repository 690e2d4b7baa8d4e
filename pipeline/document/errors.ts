import { LakebookError } from "../contract/errors";

/**
 * An error that points into a notebook file. The message starts with `file:line:col:` so terminals and
 * editors can jump to it; the fields let the UI highlight the spot without parsing the message.
 */
export class NotebookFileError extends LakebookError {
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(
    code: string,
    where: { file: string; line: number; column: number },
    what: string,
    options: { hint?: string } = {},
  ) {
    super(code, `${where.file}:${where.line}:${where.column}: ${what}`, {
      ...options,
      // The UI says the error in the user's language by code; the place is what it needs to fill in.
      params: { file: where.file, line: where.line, column: where.column },
    });
    this.name = "NotebookFileError";
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}

/** The file is not valid `*.lakebook.md`: the message says what was wrong and what was expected there. */
export class NotebookParseError extends NotebookFileError {
  constructor(file: string, line: number, column: number, problem: string, expected: string) {
    super("NOTEBOOK_PARSE", { file, line, column }, `${problem}; expected ${expected}`);
    this.name = "NotebookParseError";
  }
}

/** A model the canonical writer cannot put into a file without changing its meaning. */
export function unwritable(what: string, hint?: string): LakebookError {
  return new LakebookError("NOTEBOOK_UNWRITABLE", what, hint ? { hint } : {});
}
