/** The workbench's layout: the side panel's hide/show button and splitter; merged into ./messages.ts. */
export const layoutEn = {
  "side.collapse": "Hide the side panel",
  "side.expand": "Show the side panel",
  "side.resize": "Resize the side panel",
};

export const layoutPtBR: Record<keyof typeof layoutEn, string> = {
  "side.collapse": "Ocultar o painel lateral",
  "side.expand": "Mostrar o painel lateral",
  "side.resize": "Redimensionar o painel lateral",
};
