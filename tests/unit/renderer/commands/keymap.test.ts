import { describe, expect, it } from "vitest";
import { shortcutText } from "../../../../renderer/src/commands/command";
import { chordOf, createKeymap, type KeyPress } from "../../../../renderer/src/commands/keymap";
import { notebookCommands } from "../../../../renderer/src/commands/notebook-commands";

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("command registry ↔ keyboard", () => {
  it("maps Jupyter's command-mode keys to the registered commands", () => {
    const keymap = createKeymap(notebookCommands);
    expect(keymap.press(key("Enter", { shiftKey: true }), "command", 0)).toBe("runAndNext");
    expect(keymap.press(key("a"), "command", 0)).toBe("insertAbove");
    expect(keymap.press(key("b"), "command", 0)).toBe("insertBelow");
    expect(keymap.press(key("Enter"), "command", 0)).toBe("editMode");
    expect(keymap.press(key("ArrowDown"), "command", 0)).toBe("selectNext");
    expect(keymap.press(key("k"), "command", 0)).toBe("selectPrevious");
    expect(keymap.press(key("z"), "command", 0)).toBe("undo");
    expect(keymap.press(key("Z", { shiftKey: true }), "command", 0)).toBe("redo");
    expect(keymap.press(key("?", { shiftKey: true }), "command", 0)).toBe("shortcuts");
    expect(keymap.press(key("h"), "command", 0)).toBe("shortcuts");
  });

  it("deletes on D, D (within a second), not on a single D or a slow second D", () => {
    const keymap = createKeymap(notebookCommands);
    expect(keymap.press(key("d"), "command", 0)).toBeNull();
    expect(keymap.press(key("d"), "command", 300)).toBe("deleteCell");
    expect(keymap.press(key("d"), "command", 1000)).toBeNull();
    expect(keymap.press(key("d"), "command", 2500)).toBeNull();
    // D then another key: the other key still does its own thing.
    expect(keymap.press(key("a"), "command", 2600)).toBe("insertAbove");
  });

  it("in edit mode only edit shortcuts apply: Esc leaves, Shift+Enter runs, letters type", () => {
    const keymap = createKeymap(notebookCommands);
    expect(keymap.press(key("Escape"), "edit", 0)).toBe("commandMode");
    expect(keymap.press(key("Enter", { shiftKey: true }), "edit", 0)).toBe("runAndNext");
    expect(keymap.press(key("a"), "edit", 0)).toBeNull();
    expect(keymap.press(key("d"), "edit", 0)).toBeNull();
    expect(keymap.press(key("d"), "edit", 10)).toBeNull();
    expect(keymap.press(key("Enter"), "edit", 0)).toBeNull();
    expect(keymap.press(key("Escape"), "command", 0)).toBeNull();
  });

  it("Mod is Ctrl elsewhere and ⌘ on a Mac (the palette works in both modes)", () => {
    expect(
      createKeymap(notebookCommands, false).press(key("P", { ctrlKey: true, shiftKey: true }), "edit", 0),
    ).toBe("palette");
    expect(
      createKeymap(notebookCommands, true).press(key("p", { metaKey: true, shiftKey: true }), "command", 0),
    ).toBe("palette");
    expect(chordOf(key("p", { metaKey: true, shiftKey: true }), false)).toBe("Meta+Shift+P");
    expect(shortcutText("Mod+Shift+P", false)).toBe("Ctrl+Shift+P");
    expect(shortcutText("D D", false)).toBe("D, D");
  });

  it("every command has a unique id and no two commands share a shortcut in the same mode", () => {
    const ids = notebookCommands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Map<string, string>();
    for (const command of notebookCommands) {
      const modes = command.mode === "any" ? ["command", "edit"] : [command.mode ?? "command"];
      for (const shortcut of command.shortcuts ?? []) {
        for (const mode of modes) {
          const slot = `${mode}:${shortcut}`;
          expect(seen.get(slot), `${slot} is taken`).toBeUndefined();
          seen.set(slot, command.id);
        }
      }
    }
  });
});
