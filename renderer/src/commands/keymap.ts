import type { Command } from "./command";

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The chord a key press stands for, in the notation of `Command.shortcuts`: letters upper-case,
 * Shift dropped for symbols that need it anyway (`?`), Mod = the platform's command key.
 */
export function chordOf(press: KeyPress, mac: boolean): string {
  let key = press.key;
  if (key.length === 1) key = key.toUpperCase();
  if (key === " ") key = "Space";
  const isSymbol = key.length === 1 && !/[A-Z0-9]/.test(key);
  const parts: string[] = [];
  const mod = mac ? press.metaKey : press.ctrlKey;
  const other = mac ? press.ctrlKey : press.metaKey;
  if (mod) parts.push("Mod");
  if (other) parts.push(mac ? "Ctrl" : "Meta");
  if (press.altKey) parts.push("Alt");
  if (press.shiftKey && !isSymbol) parts.push("Shift");
  parts.push(key);
  return parts.join("+");
}

const SEQUENCE_MS = 1000;

/**
 * Key presses → command ids, for one mode at a time. Two-key sequences ("D D") wait up to a second
 * for their second key. Pure but for the pending first key, which the caller's clock times out.
 */
export function createKeymap(commands: readonly Command[], mac = false) {
  let pending: { chord: string; at: number } | null = null;

  const applies = (command: Command, mode: "command" | "edit") =>
    (command.mode ?? "command") === mode || command.mode === "any";

  return {
    /** The command to run for this press in `mode`, or null (and maybe a pending first key). */
    press(press: KeyPress, mode: "command" | "edit", now: number): string | null {
      if (["Shift", "Control", "Alt", "Meta"].includes(press.key)) return null;
      const chord = chordOf(press, mac);
      const previous = pending && now - pending.at <= SEQUENCE_MS ? pending.chord : null;
      pending = null;
      let startsSequence = false;
      for (const command of commands) {
        if (!applies(command, mode)) continue;
        for (const shortcut of command.shortcuts ?? []) {
          const keys = shortcut.split(" ");
          if (keys.length === 1 && keys[0] === chord && previous === null) return command.id;
          if (keys.length === 2 && previous === keys[0] && keys[1] === chord) return command.id;
          if (keys.length === 2 && keys[0] === chord) startsSequence = true;
        }
      }
      if (startsSequence) pending = { chord, at: now };
      else if (previous !== null) return this.press(press, mode, now);
      return null;
    },
    reset() {
      pending = null;
    },
  };
}
