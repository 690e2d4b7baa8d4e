/**
 * The publish cell's checklist: steps, states, and the QuickSight console steps the click replaces
 * (the same eight as `pipeline/stages/publish/report.ts`, which the CLI prints); merged into ./messages.ts.
 */
export const publishEn = {
  "publish.title": "Publish to QuickSight: {name}",
  "publish.local": "Local target: nothing is sent to AWS. On an AWS target this cell would do these steps.",
  "publish.aws": "Published on AWS.",
  "publish.open": "Open the dashboard",
  "publish.steps": "Publish steps",
  "publish.kind.permissions": "Permissions check",
  "publish.kind.dataSource": "Athena data source",
  "publish.kind.dataSet": "Dataset",
  "publish.kind.analysis": "Analysis",
  "publish.kind.dashboard": "Dashboard",
  "publish.action.check": "checks",
  "publish.action.createOrUpdate": "will be created or updated",
  "publish.action.created": "created",
  "publish.action.updated": "updated",
  "publish.action.reused": "kept as it was",
  "publish.state.planned": "Planned",
  "publish.state.done": "Done",
  "publish.state.failed": "Failed",
  "publish.notes": "Notes",
  "publish.console": "The QuickSight console steps this click replaces",
  "publish.fullText": "The full report as text",
  "publish.console.1":
    "Sign up for QuickSight, then in Manage QuickSight → Security & permissions allow Amazon Athena and the lake's S3 bucket.",
  "publish.console.2":
    "Datasets → New dataset → Athena: name the data source and pick the workgroup (Validate connection → Create data source).",
  "publish.console.3":
    "Choose the catalog AwsDataCatalog and the refined database, then a table, or Use custom SQL and paste the chart's SQL.",
  "publish.console.4":
    "Pick Import to SPICE or Directly query your data, then Visualize: QuickSight makes an analysis.",
  "publish.console.5":
    "For each chart: Add visual, choose its type, drag the fields into the field wells (X axis / Value / Color / Group), set each value's aggregate and the sort.",
  "publish.console.6": "Arrange and title the visuals on the sheet.",
  "publish.console.7":
    "Share → Publish dashboard, and name it; later changes: Publish dashboard → Replace an existing dashboard (a new version).",
  "publish.console.8":
    "Share the dashboard, the analysis and the datasets with the users or groups who should see them.",
};

export const publishPtBR: Record<keyof typeof publishEn, string> = {
  "publish.title": "Publicar no QuickSight: {name}",
  "publish.local": "Destino local: nada é enviado à AWS. Em um destino AWS esta célula faria estes passos.",
  "publish.aws": "Publicado na AWS.",
  "publish.open": "Abrir o painel",
  "publish.steps": "Passos da publicação",
  "publish.kind.permissions": "Verificação de permissões",
  "publish.kind.dataSource": "Fonte de dados Athena",
  "publish.kind.dataSet": "Conjunto de dados",
  "publish.kind.analysis": "Análise",
  "publish.kind.dashboard": "Painel",
  "publish.action.check": "verifica",
  "publish.action.createOrUpdate": "será criado ou atualizado",
  "publish.action.created": "criado",
  "publish.action.updated": "atualizado",
  "publish.action.reused": "mantido como estava",
  "publish.state.planned": "Planejado",
  "publish.state.done": "Feito",
  "publish.state.failed": "Falhou",
  "publish.notes": "Observações",
  "publish.console": "Os passos no console do QuickSight que este clique substitui",
  "publish.fullText": "O relatório completo em texto",
  "publish.console.1":
    "Assine o QuickSight e, em Gerenciar QuickSight → Segurança e permissões, permita o Amazon Athena e o bucket S3 do lake.",
  "publish.console.2":
    "Conjuntos de dados → Novo conjunto de dados → Athena: dê nome à fonte de dados e escolha o workgroup (Validar conexão → Criar fonte de dados).",
  "publish.console.3":
    "Escolha o catálogo AwsDataCatalog e o banco refined, depois uma tabela, ou Usar SQL personalizado e cole o SQL do gráfico.",
  "publish.console.4":
    "Escolha Importar para o SPICE ou Consultar diretamente seus dados e depois Visualizar: o QuickSight cria uma análise.",
  "publish.console.5":
    "Para cada gráfico: Adicionar visual, escolha o tipo, arraste os campos para as áreas de campo (eixo X / Valor / Cor / Grupo), defina a agregação de cada valor e a ordenação.",
  "publish.console.6": "Organize e dê título aos visuais da planilha.",
  "publish.console.7":
    "Compartilhar → Publicar painel e dê um nome; mudanças depois: Publicar painel → Substituir um painel existente (uma nova versão).",
  "publish.console.8":
    "Compartilhe o painel, a análise e os conjuntos de dados com os usuários ou grupos que devem vê-los.",
};

/** How many console steps there are: the keys above are numbered 1…CONSOLE_STEP_COUNT. */
export const CONSOLE_STEP_COUNT = 8;
