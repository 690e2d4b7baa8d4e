import type { ErrorText } from "./messages-errors";

/**
 * What the notebook file, the service, the CLI, the chart and the publish rooms' errors say in
 * pt-BR, by code (merged into ERROR_MESSAGES_PT_BR). `{file}`, `{line}`, `{cell}`… are the params
 * the pipeline sends; an entry without `hint` keeps the English one, which carries the specifics.
 */
export const APP_ERRORS_PT_BR: Record<string, ErrorText> = {
  INTERNAL: { message: "Erro interno do Lakebook." },

  // The notebook file.
  NOTEBOOK_PARSE: { message: "{file}, linha {line}, coluna {column}: o notebook não pôde ser lido." },
  NOTEBOOK_INVALID: { message: "O cabeçalho do notebook não é válido." },
  NOTEBOOK_TOO_NEW: {
    message: "{file} usa uma versão do formato mais nova que a deste Lakebook.",
    hint: "Atualize o Lakebook para abri-lo; o arquivo não foi alterado.",
  },
  NOTEBOOK_HAS_SECRET: {
    message: "O notebook teria um segredo (uma chave ou um token) escrito nele; nada foi salvo.",
    hint: "Deixe as credenciais fora do notebook: perfis da AWS, variáveis de ambiente ou o token do TMDB nas Configurações.",
  },
  NOTEBOOK_UNWRITABLE: { message: "O notebook não pode ser escrito em arquivo sem mudar o seu sentido." },
  NOTEBOOK_NOT_FOUND: {
    message: "Não foi possível ler o notebook {file}.",
    hint: "Confira o caminho, ou crie um projeto de demonstração com `lakebook demo <pasta>`.",
  },
  NOTEBOOK_CHANGED_ON_DISK: {
    message: "{file} mudou no disco desde a última leitura do Lakebook.",
    hint: "Recarregue para ver a mudança, ou mantenha a sua versão, que substitui o arquivo.",
  },
  TARGET_LAKE_CHANGED: {
    message: "O target do notebook agora indica a pasta de lake {folder}, mas outra está aberta.",
    hint: "Abra o notebook de novo para passar a outra pasta de lake; a aberta fica como está até lá.",
  },
  NO_NOTEBOOK: { message: "Nenhum notebook está aberto." },
  CELL_NOT_FOUND: { message: "Não há célula com o id {cell} no notebook." },
  UNKNOWN_CELL_KIND: {
    message: "O Lakebook não conhece este tipo de célula; ela fica no arquivo como está.",
  },

  // The service's own requests.
  RUN_NOT_FOUND: { message: "Essa execução não existe (mais)." },
  INVALID_PARAMS: { message: "O pedido ao serviço tem parâmetros inválidos." },
  UNKNOWN_METHOD: { message: "O serviço não conhece esse pedido." },
  INVALID_JSON: { message: "O pedido não é JSON válido." },
  REQUEST_TOO_LARGE: { message: "O pedido é grande demais para o serviço." },
  BAD_REQUEST: { message: "O serviço não entendeu o pedido." },
  NOT_FOUND: { message: "O serviço não tem esse endereço." },
  STREAM_NOT_FOUND: { message: "Esse download ou upload não está mais aberto." },
  TOO_MANY_STREAMS: { message: "Há downloads e uploads demais ao mesmo tempo.", hint: "Espere um terminar." },

  // Files put in the notebook's data folder.
  DATA_PATH_NOT_A_FILE: {
    message: "{file} já existe e não é um arquivo.",
    hint: "Renomeie o arquivo enviado, ou tire essa pasta do lugar.",
  },
  DATA_UPLOAD_INCOMPLETE: { message: "O envio de {file} terminou antes do fim.", hint: "Tente de novo." },
  DATA_FILE_NAME_INVALID: {
    message: "O nome do arquivo não é válido.",
    hint: "Use um nome simples como movies.csv; ele vai para a pasta data do notebook.",
  },
  DATA_FILE_EXISTS: {
    message: "{file} já existe com outro conteúdo.",
    hint: "Envie de novo escolhendo substituir, ou renomeie o seu arquivo.",
  },
  DATA_FILE_TOO_LARGE: {
    message: "{file} passa do limite de tamanho deste serviço.",
    hint: "Copie o arquivo você mesmo para a pasta data do notebook e cite-o na célula.",
  },

  // The RAW zone from the lake browser.
  RAW_REMOVE_REFUSED: {
    message: "{key} não é um único arquivo da zona RAW.",
    hint: "Só um arquivo RAW por vez pode ser removido, pela chave completa. Tabelas TRUSTED e REFINED são refeitas rodando as suas células.",
  },
  RAW_FILE_MISSING: {
    message: "Não há arquivo {key} no lake.",
    hint: "Talvez já tenha sido removido: o navegador do lake mostra o que a RAW tem agora.",
  },

  // Settings: the TMDB token.
  TMDB_CREDENTIAL_NOT_SAVED: { message: "O token do TMDB não foi salvo." },

  // The CLI.
  UI_NOT_BUILT: { message: "A interface do workbench não está montada: rode `npm ci && npm run build:ui`." },
  UI_BUILD_FAILED: { message: "A montagem da interface do workbench falhou (os erros do Vite estão acima)." },
  DEMO_UNWRITABLE: {
    message: "Não foi possível criar o projeto de demonstração nessa pasta.",
    hint: "Escolha uma pasta onde você possa gravar.",
  },
  EXPORT_UNWRITABLE: {
    message: "Não foi possível gravar o arquivo exportado.",
    hint: "Confira se a pasta existe e se você pode gravar nela.",
  },
  DASHBOARD_EMPTY: { message: "O notebook não tem células de gráfico para exportar." },
  DASHBOARD_CHART_FAILED: { message: "O gráfico {cell} falhou e ficou fora do painel." },

  // Chart cells.
  CHART_SOURCE_INVALID: { message: "A origem de dados do gráfico {cell} não é válida." },
  CHART_SOURCE_MISSING: { message: "O gráfico {cell} não tem origem de dados." },
  CHART_SPEC_INVALID: { message: "O gráfico {cell} não tem uma especificação Vega-Lite válida." },
  CHART_FIELD_UNKNOWN: { message: 'O gráfico {cell} lê a coluna "{field}", que {source} não tem.' },

  // The publish cell (QuickSight).
  PUBLISH_SETTINGS: { message: "As configurações da célula de publicação não são válidas." },
  PUBLISH_CHART_NOT_FOUND: { message: "A célula de publicação cita um gráfico que não existe no notebook." },
  PUBLISH_NOT_REFINED: { message: "Um gráfico lê uma tabela que não é da zona REFINED." },
  PUBLISH_CHART_SOURCE: { message: "Um gráfico não diz de onde vêm os seus dados (source= ou table=)." },
  PUBLISH_CHART_INVALID: { message: "Um gráfico não é uma especificação Vega-Lite válida." },
  PUBLISH_TABLE_MISSING: { message: "Um gráfico lê uma tabela que não está no Glue Data Catalog." },
  PUBLISH_UNTRANSLATABLE: {
    message: "Nada foi enviado: partes dos gráficos não têm tradução para o QuickSight.",
  },
  PUBLISH_NOTHING: {
    message: "Nada para publicar: todos os gráficos estão em skip.",
    hint: "Cite ao menos um gráfico em charts: que não esteja em skip:.",
  },
  PUBLISH_PREFLIGHT_FAILED: { message: "Nada foi publicado: verificações prévias falharam." },
  PUBLISH_NO_OWNER: {
    message: "Nenhum usuário ou grupo do QuickSight foi indicado como dono do painel.",
    hint: "Defina quicksightUser: <nome> no target AWS do notebook, ou user: / groupArn: na célula de publicação.",
  },
};
