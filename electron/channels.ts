/**
 * The IPC channels between the preload and the main process, and nothing else travels. The call, stream
 * and event channels are the bridge's (`pipeline/contract/ipc.ts`); they are repeated here so the sandboxed
 * preload bundles no service code, and a unit test holds the two equal.
 */
export const CHANNELS = {
  call: "lakebook:call",
  stream: "lakebook:stream",
  event: "lakebook:event",
  command: "lakebook:command",
  openNotebook: "lakebook:open-notebook",
  newNotebook: "lakebook:new-notebook",
  saveFile: "lakebook:save-file",
  revealInFolder: "lakebook:reveal-in-folder",
  showLogs: "lakebook:show-logs",
  setLanguage: "lakebook:set-language",
} as const;
