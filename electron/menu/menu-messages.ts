import type { MenuRole } from "./menu-model";

/** The languages of the menus: the UI's own two (renderer/src/i18n). */
export const MENU_LOCALES = ["en", "pt-BR"] as const;
export type MenuLocale = (typeof MENU_LOCALES)[number];

export function isMenuLocale(value: unknown): value is MenuLocale {
  return typeof value === "string" && (MENU_LOCALES as readonly string[]).includes(value);
}

const en = {
  file: "File",
  edit: "Edit",
  run: "Run",
  view: "View",
  window: "Window",
  help: "Help",
  newNotebook: "New Notebook…",
  open: "Open…",
  openRecent: "Open Recent",
  clearRecent: "Clear Recent",
  noRecent: "No recent notebooks",
  save: "Save",
  saveAs: "Save As…",
  exportDashboard: "Export Dashboard…",
  revealLake: "Reveal Lake Folder",
  palette: "Command Palette…",
  runCell: "Run Cell",
  runAll: "Run All",
  runFromHere: "Run From Here",
  runStale: "Run Stale Cells",
  runDownstream: "Run Cell and Downstream",
  cancel: "Cancel",
  toggleTheme: "Toggle Light/Dark Theme",
  switchLanguage: "Switch Language",
  coursePath: "The Course Path",
  shortcuts: "Keyboard Shortcuts",
  showLogs: "Show Logs",
  about: "About {app}",
};

type MenuKey = keyof typeof en;

const ptBR: Record<MenuKey, string> = {
  file: "Arquivo",
  edit: "Editar",
  run: "Executar",
  view: "Exibir",
  window: "Janela",
  help: "Ajuda",
  newNotebook: "Novo notebook…",
  open: "Abrir…",
  openRecent: "Abrir recente",
  clearRecent: "Limpar recentes",
  noRecent: "Nenhum notebook recente",
  save: "Salvar",
  saveAs: "Salvar como…",
  exportDashboard: "Exportar painel…",
  revealLake: "Mostrar pasta do lake",
  palette: "Paleta de comandos…",
  runCell: "Executar célula",
  runAll: "Executar tudo",
  runFromHere: "Executar a partir daqui",
  runStale: "Executar desatualizadas",
  runDownstream: "Executar célula e dependentes",
  cancel: "Cancelar",
  toggleTheme: "Alternar tema claro/escuro",
  switchLanguage: "Trocar idioma",
  coursePath: "O caminho do curso",
  shortcuts: "Atalhos de teclado",
  showLogs: "Mostrar logs",
  about: "Sobre o {app}",
};

/**
 * Electron's roles label themselves in English (macOS translates a few by the system's language, not
 * the app's), so every role the menus use is labelled here too, in both languages.
 */
const ROLE_LABELS: Record<MenuLocale, Record<MenuRole, string>> = {
  en: {
    undo: "Undo",
    redo: "Redo",
    cut: "Cut",
    copy: "Copy",
    paste: "Paste",
    selectAll: "Select All",
    zoomIn: "Zoom In",
    zoomOut: "Zoom Out",
    resetZoom: "Actual Size",
    togglefullscreen: "Toggle Full Screen",
    toggleDevTools: "Toggle Developer Tools",
    minimize: "Minimize",
    close: "Close Window",
    quit: "Quit {app}",
    about: "About {app}",
    hide: "Hide {app}",
    hideOthers: "Hide Others",
    unhide: "Show All",
    services: "Services",
    front: "Bring All to Front",
  },
  "pt-BR": {
    undo: "Desfazer",
    redo: "Refazer",
    cut: "Recortar",
    copy: "Copiar",
    paste: "Colar",
    selectAll: "Selecionar tudo",
    zoomIn: "Aumentar zoom",
    zoomOut: "Diminuir zoom",
    resetZoom: "Tamanho real",
    togglefullscreen: "Alternar tela cheia",
    toggleDevTools: "Alternar ferramentas do desenvolvedor",
    minimize: "Minimizar",
    close: "Fechar janela",
    quit: "Sair do {app}",
    about: "Sobre o {app}",
    hide: "Ocultar {app}",
    hideOthers: "Ocultar outros",
    unhide: "Mostrar tudo",
    services: "Serviços",
    front: "Trazer tudo para a frente",
  },
};

const TEXT: Record<MenuLocale, Record<MenuKey, string>> = { en, "pt-BR": ptBR };

/** The menus' words in one language; `{app}` is the app's name. */
export function menuText(locale: MenuLocale, appName: string) {
  const fill = (text: string) => text.replaceAll("{app}", appName);
  return {
    text: (key: MenuKey) => fill(TEXT[locale][key]),
    role: (role: MenuRole) => fill(ROLE_LABELS[locale][role]),
  };
}
