// Starts the bundled main process against the stand-in Electron, then reports what it did as JSON.
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
const [main, appRoot, notebook] = process.argv.slice(2);
process.argv = ["electron", appRoot, notebook];
await import(main);
const recorded = globalThis.__fakeElectron;
const deadline = Date.now() + 30_000;
while (recorded.loaded.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
const call = recorded.handlers.get("lakebook:call");
const ask = (url) => (call ? call({ senderFrame: { url, parent: null } }, "service.info", {}) : undefined);
const page = await recorded.protocol?.handler({ url: "lakebook://app/shell/page.html" });
const menu = recorded.menu;
// The page says its language: the menus are re-built in it.
const setLanguage = recorded.handlers.get("lakebook:set-language");
await setLanguage?.({ senderFrame: { url: "lakebook://app/index.html", parent: null } }, "pt-BR");
const menuInPortuguese = recorded.menu;
process.stdout.write(
  `${JSON.stringify({
    loaded: recorded.loaded,
    title: recorded.windows[0]?.title,
    webPreferences: recorded.windows[0]?.options.webPreferences,
    schemes: recorded.schemes,
    channels: [...recorded.handlers.keys()].sort(),
    menu,
    menuInPortuguese,
    fromApp: await ask("lakebook://app/index.html"),
    fromElsewhere: await ask("file://evil.example/index.html"),
    shellPage: page
      ? { status: page.status, csp: page.headers.get("content-security-policy"), text: await page.text() }
      : null,
  })}\n`,
);
process.exit(0);
