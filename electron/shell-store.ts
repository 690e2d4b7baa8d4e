import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { isMenuLocale, type MenuLocale } from "./menu/menu-messages";
import { parseRecent } from "./recent-files";
import { parseWindowState, type WindowState } from "./window/window-state";

/** What the shell remembers between launches, in the user-data folder (never beside a notebook). */
export interface ShellState {
  window?: WindowState | undefined;
  recent: string[];
  /** The UI's last language, so the menus start in it before the page says so. */
  locale?: MenuLocale | undefined;
}

/** One small JSON file; a missing or damaged one reads as a first launch. */
export class ShellStore {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, "shell-state.json");
  }

  async load(): Promise<ShellState> {
    try {
      const raw = JSON.parse(await readFile(this.file, "utf8")) as {
        window?: unknown;
        recent?: unknown;
        locale?: unknown;
      };
      return {
        window: parseWindowState(raw.window),
        recent: parseRecent(raw.recent),
        ...(isMenuLocale(raw.locale) ? { locale: raw.locale } : {}),
      };
    } catch {
      return { recent: [] };
    }
  }

  async save(state: ShellState): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    // Written aside and renamed, so a crash mid-write leaves the previous state, not half a file.
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
    await rename(temp, this.file);
  }

  /** The same, synchronously: for the window's last moments, when an await may never come back. */
  saveSync(state: ShellState): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, this.file);
  }
}
