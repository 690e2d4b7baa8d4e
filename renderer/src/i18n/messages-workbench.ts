/**
 * The workbench's own strings for following runs, restored outputs, checks, the outline and cell
 * tools; merged into the one table in ./messages.ts (kept apart so two areas can grow at once).
 */
export const workbenchEn = {
  "outline.title": "Outline",
  "outline.empty": "No headings yet: a Markdown cell's # lines make the outline.",
  "outline.goTo": "Go to {heading}",
  "cmd.showOutline": "Show the outline",
  "cmd.clearOutputs": "Clear outputs",
  "dashboard.exportedSkipping":
    "Dashboard downloaded as {file}, without {charts}: they failed (the page says why)",
  "chartBuilder.source": "Data",
  "chartBuilder.sourceNone": "Pick a SQL cell or a table",
  "chartBuilder.sourceCells": "SQL cells",
  "chartBuilder.sourceTables": "Lake tables",
  "chartBuilder.kpi": "Show as a KPI card (one number)",
  "chartBuilder.kpiValue": "Value",
  "chartBuilder.kpiTitle": "Caption",
  "batch.running": "Running {done} of {total}: {id}",
  "batch.runningIdle": "Running {done} of {total}",
  "batch.done": "Run finished: {done} of {total} cells ran",
  "batch.failed": "Run stopped at {id} ({done} of {total}): {message}",
  "batch.cancelled": "Run cancelled after {done} of {total} cells",
  "batch.label": "Progress of the run",
  "batch.goToCell": "Go to cell {id}",
  "batch.goToCellShort": "Go to cell",
  "cmd.dismissRunSummary": "Dismiss the run's summary",
  "queue.stoppedAt": "Stopped at {id}.",
  "restored.note": "Output from the last session ({time}).",
  "restored.tableRows":
    "The first {shown} of {total} rows, kept from the last session: run the cell to page through them all.",
};

export const workbenchPtBR: Record<keyof typeof workbenchEn, string> = {
  "outline.title": "Sumário",
  "outline.empty": "Ainda sem títulos: as linhas # de uma célula Markdown formam o sumário.",
  "outline.goTo": "Ir para {heading}",
  "cmd.showOutline": "Mostrar o sumário",
  "cmd.clearOutputs": "Limpar saídas",
  "dashboard.exportedSkipping": "Painel baixado como {file}, sem {charts}: falharam (a página diz por quê)",
  "chartBuilder.source": "Dados",
  "chartBuilder.sourceNone": "Escolha uma célula SQL ou uma tabela",
  "chartBuilder.sourceCells": "Células SQL",
  "chartBuilder.sourceTables": "Tabelas do lago",
  "chartBuilder.kpi": "Mostrar como cartão de KPI (um número)",
  "chartBuilder.kpiValue": "Valor",
  "chartBuilder.kpiTitle": "Legenda",
  "batch.running": "Executando {done} de {total}: {id}",
  "batch.runningIdle": "Executando {done} de {total}",
  "batch.done": "Execução concluída: {done} de {total} células executadas",
  "batch.failed": "A execução parou em {id} ({done} de {total}): {message}",
  "batch.cancelled": "Execução cancelada depois de {done} de {total} células",
  "batch.label": "Progresso da execução",
  "batch.goToCell": "Ir para a célula {id}",
  "batch.goToCellShort": "Ir para a célula",
  "cmd.dismissRunSummary": "Fechar o resumo da execução",
  "queue.stoppedAt": "Parou em {id}.",
  "restored.note": "Saída da última sessão ({time}).",
  "restored.tableRows":
    "As primeiras {shown} de {total} linhas, guardadas da última sessão: execute a célula para percorrer todas.",
};
