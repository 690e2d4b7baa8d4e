/**
 * The strings of the notebook's timeline (undo/redo), Run stale / Run downstream, Change cell kind… and the question
 * asked when a dropped file's dataset differs from the ingest cell's; merged into the one table in
 * ./messages.ts (kept apart so two areas can grow at once).
 */
export const commandsEn = {
  "cmd.undoEdit": "Undo the last edit",
  "cmd.redoEdit": "Redo the edit",
  "cmd.runStale": "Run stale cells",
  "cmd.runDownstream": "Run cell and every cell that depends on it",
  "toolbar.runStale": "Run stale",
  "toolbar.runDownstream": "Run downstream",
  "cmd.changeCellKind": "Change cell kind…",
  "ingest.datasetQuestion": "Is {file} {fileDataset} or {cellDataset}?",
  "ingest.datasetQuestionNote":
    "Its header has the columns of {fileDataset}, but this cell says dataset: {cellValue}. Nothing changes until you choose.",
  "ingest.keepDataset": "Keep {cellDataset}",
  "ingest.switchDataset": "Switch to {fileDataset}",
  "ingest.cancelDrop": "Cancel, change nothing",
} as const;

export const commandsPtBR: Record<keyof typeof commandsEn, string> = {
  "cmd.undoEdit": "Desfazer a última edição",
  "cmd.redoEdit": "Refazer a edição",
  "cmd.runStale": "Executar as células desatualizadas",
  "cmd.runDownstream": "Executar a célula e todas as que dependem dela",
  "toolbar.runStale": "Executar desatualizadas",
  "toolbar.runDownstream": "Executar dependentes",
  "cmd.changeCellKind": "Mudar o tipo da célula…",
  "ingest.datasetQuestion": "{file} é {fileDataset} ou {cellDataset}?",
  "ingest.datasetQuestionNote":
    "O cabeçalho tem as colunas de {fileDataset}, mas esta célula diz dataset: {cellValue}. Nada muda até você escolher.",
  "ingest.keepDataset": "Manter {cellDataset}",
  "ingest.switchDataset": "Mudar para {fileDataset}",
  "ingest.cancelDrop": "Cancelar, sem mudar nada",
};
