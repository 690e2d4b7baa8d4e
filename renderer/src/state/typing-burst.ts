/**
 * When a keystroke joins the undo step before it, as editors do: Undo takes back a burst of typing
 * (a word, a run of Backspaces), not one character, and not a whole afternoon. Pure: the caller
 * gives the time.
 */

/** A pause this long ends the burst: the next keystroke starts a new undo step. */
export const TYPING_PAUSE_MS = 1000;

/** The typing the next keystroke may join: which cell, when the last key came, what it did. */
export interface TypingBurst {
  cellId: string;
  at: number;
  change: "insert" | "delete";
  /** The last character typed was a space or a line break: the next word is its own step. */
  endsInSpace: boolean;
}

/** What one edit did to the text: the part removed and the part put in its place. */
export function textChange(before: string, after: string): { removed: string; inserted: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    removed: before.slice(start, before.length - end),
    inserted: after.slice(start, after.length - end),
  };
}

const SPACE = /\s/;

/**
 * The burst this edit continues or starts, and whether it joins the one before. A paste or a
 * replaced selection is a step of its own; so is the first key after a pause, in another cell,
 * after switching between typing and deleting, and the first letter of a new word. Without a time
 * (an edit made by the program, not the keyboard) the edit is always its own step.
 */
export function nextBurst(
  previous: TypingBurst | null,
  cellId: string,
  before: string,
  after: string,
  at: number | undefined,
): { burst: TypingBurst | null; joins: boolean } {
  if (at === undefined) return { burst: null, joins: false };
  const { removed, inserted } = textChange(before, after);
  const change = removed === "" && inserted.length === 1 ? "insert" : inserted === "" ? "delete" : null;
  if (change === null) return { burst: null, joins: false };
  const endsInSpace = change === "insert" ? SPACE.test(inserted) : (previous?.endsInSpace ?? false);
  const burst: TypingBurst = { cellId, at, change, endsInSpace };
  // A letter after a space starts the next word's step: "hello world" undoes as "world", then "hello ".
  const newWord = change === "insert" && previous?.endsInSpace === true && !endsInSpace;
  const joins =
    previous !== null &&
    previous.cellId === cellId &&
    previous.change === change &&
    at >= previous.at &&
    at - previous.at <= TYPING_PAUSE_MS &&
    !newWord;
  return { burst, joins };
}
