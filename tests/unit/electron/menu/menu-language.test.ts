import { describe, expect, it } from "vitest";
import { MENU_LOCALES } from "../../../../electron/menu/menu-messages";
import {
  buildMenuModel,
  commandsIn,
  type MenuContext,
  type MenuEntry,
} from "../../../../electron/menu/menu-model";
import { toMenuTemplate } from "../../../../electron/menu/menu-template";

const context: MenuContext = {
  platform: "linux",
  appName: "Lakebook",
  recent: [],
  hasNotebook: true,
  devTools: true,
};

/** Every label a user reads, menu by menu, roles included. */
function labelsOf(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((entry) =>
    entry.kind === "separator"
      ? []
      : entry.kind === "submenu"
        ? [entry.label, ...labelsOf(entry.items)]
        : entry.kind === "role"
          ? [entry.label ?? `(role ${entry.role} unlabelled)`]
          : [entry.label],
  );
}

describe("the menus follow the UI's language", () => {
  it("speaks Brazilian Portuguese, roles included, with the same commands as in English", () => {
    const pt = buildMenuModel({ ...context, locale: "pt-BR" });
    expect(pt.map((menu) => menu.label)).toEqual(["Arquivo", "Editar", "Executar", "Exibir", "Ajuda"]);
    const file = pt[0]?.items ?? [];
    expect(labelsOf(file)).toEqual([
      "Novo notebook…",
      "Abrir…",
      "Abrir recente",
      "Nenhum notebook recente",
      "Salvar",
      "Salvar como…",
      "Exportar painel…",
      "Mostrar pasta do lake",
      "Sair do Lakebook",
    ]);
    expect(labelsOf(pt[1]?.items ?? [])).toEqual(
      expect.arrayContaining(["Desfazer", "Refazer", "Recortar", "Copiar", "Colar", "Selecionar tudo"]),
    );
    expect(labelsOf(pt[4]?.items ?? [])).toEqual([
      "O caminho do curso",
      "Atalhos de teclado",
      "Mostrar logs",
      "Sobre o Lakebook",
    ]);
    // The words change, never what the items do.
    expect(commandsIn(pt)).toEqual(commandsIn(buildMenuModel({ ...context, locale: "en" })));
  });

  it("labels every item in both languages on every platform, and no two languages share a menu bar", () => {
    const bars = new Set<string>();
    for (const locale of MENU_LOCALES) {
      for (const platform of ["linux", "darwin", "win32"] as const) {
        const menus = buildMenuModel({ ...context, platform, locale });
        for (const menu of menus) {
          for (const label of labelsOf(menu.items))
            expect(label, `${locale} ${platform}`).not.toMatch(/unlabelled/);
        }
        bars.add(`${locale}:${menus.map((menu) => menu.label).join("|")}`);
      }
    }
    const english = [...bars].filter((bar) => bar.startsWith("en:")).map((bar) => bar.slice(3));
    const portuguese = [...bars].filter((bar) => bar.startsWith("pt-BR:")).map((bar) => bar.slice(6));
    for (const bar of portuguese) expect(english).not.toContain(bar);
  });

  it("gives Electron's template the translated labels, roles keeping their role", () => {
    const template = toMenuTemplate(buildMenuModel({ ...context, locale: "pt-BR" }), () => undefined);
    const edit = template.find((menu) => menu.label === "Editar");
    expect(edit?.submenu).toEqual(expect.arrayContaining([{ role: "undo", label: "Desfazer" }]));
    const run = template.find((menu) => menu.label === "Executar");
    expect(run?.submenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: "Executar tudo", enabled: true })]),
    );
  });

  it("stays English when the page has not said", () => {
    expect(buildMenuModel(context).map((menu) => menu.label)).toEqual([
      "File",
      "Edit",
      "Run",
      "View",
      "Help",
    ]);
  });
});
