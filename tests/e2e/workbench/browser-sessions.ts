import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchChromium } from "../helpers/browser";
import { Session } from "./session";

/**
 * The set-up a browser test file shares: one Chromium for the file, and a fresh `Session` per test,
 * cleaned up after it (its pages, its service, its project). Call at the top of the file; each test
 * calls `start()` for its session.
 */
export function browserSessions(): { start(): Session } {
  let browser: Browser | undefined;
  let current: Session | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    start() {
      if (!browser)
        throw new Error("Chromium is not started: call browserSessions() at the top of the file.");
      current = new Session(browser);
      return current;
    },
  };
}
