import type { ErrorText } from "./messages-errors";

/**
 * What the AWS room's errors say in pt-BR, by code (merged into ERROR_MESSAGES_PT_BR). Where an
 * entry has no `hint`, the English hint stays: it names the specific IAM action, setting or command.
 * `{function}`, `{bucket}`, `{secret}`… are the params the pipeline sends with the error.
 */

/** The service each shared-kind prefix stands for (aws/sdk-error-table.ts: `<P>_ACCESS_DENIED`…). */
const SERVICES: Record<string, string> = {
  ATHENA: "Athena",
  GLUE: "AWS Glue",
  IAM: "IAM",
  LAMBDA: "Lambda",
  QUICKSIGHT: "QuickSight",
  SECRETS: "Secrets Manager",
  STS: "STS",
};

/** The kinds every service shares, one entry per prefix: access denied, throttled, unavailable. */
function sharedKinds(): Record<string, ErrorText> {
  const entries: Record<string, ErrorText> = {};
  for (const [prefix, service] of Object.entries(SERVICES)) {
    entries[`${prefix}_ACCESS_DENIED`] = {
      message: `A identidade da AWS em uso não tem permissão para esta chamada ao ${service}.`,
    };
    entries[`${prefix}_THROTTLED`] = {
      message: `A AWS está limitando a taxa de pedidos ao ${service}.`,
      hint: "Tente de novo em alguns instantes.",
    };
    entries[`${prefix}_UNAVAILABLE`] = {
      message: `Não foi possível falar com o ${service} agora (fora do ar ou sem rede).`,
      hint: "Confira a conexão e tente de novo em alguns instantes.",
    };
  }
  return entries;
}

export const AWS_ERRORS_PT_BR: Record<string, ErrorText> = {
  ...sharedKinds(),

  AWS_CREDENTIALS: {
    message: "Não há credenciais da AWS que funcionem (faltam, estão erradas ou expiraram).",
    hint: "Configure um perfil (aws configure) ou entre de novo (aws sso login --profile <nome>); o Lakebook lê as credenciais só da cadeia padrão da AWS.",
  },
  AWS_PERMISSIONS_MISSING: {
    message: "A identidade do notebook não tem as permissões que esta célula precisa; nada foi enviado.",
  },

  // The target's bucket, checked by "Test connection" and before a run.
  TARGET_WRONG_REGION: {
    message: "O bucket {bucket} não fica na região {region}.",
    hint: "Ajuste a região do target para a região do bucket.",
  },
  TARGET_NO_BUCKET: {
    message: "Não existe bucket chamado {bucket} (região {region}).",
    hint: "Confira o nome do bucket, ou crie-o (aws s3 mb s3://<nome> --region <região>) e teste de novo.",
  },
  TARGET_ACCESS_DENIED: {
    message: "Estas credenciais não podem usar o bucket {bucket} (acesso negado).",
    hint: "O bucket é de outra conta, ou a política do perfil não tem s3:ListBucket nele; escolha outro perfil ou peça a permissão (lakebook doctor lista todas).",
  },
  S3_UNAVAILABLE: {
    message: "Não foi possível alcançar o S3 na região {region}.",
    hint: "Confira a conexão e o nome da região.",
  },

  // AWS Glue.
  GLUE_CANCELLED: { message: "A execução do job do Glue foi cancelada.", hint: "Rode a célula de novo." },
  GLUE_NOT_FOUND: { message: "Algo de que o job do Glue precisa não existe na AWS." },
  GLUE_CONCURRENT_RUNS: { message: "O job do Glue já está rodando (ele aceita uma execução por vez)." },
  GLUE_INVALID_INPUT: { message: "O Glue recusou uma configuração do job." },
  GLUE_LIMIT: { message: "Uma cota da conta no Glue foi atingida (jobs, execuções ou tabelas)." },
  GLUE_ERROR: { message: "O AWS Glue recusou a chamada." },
  GLUE_JOB_TIMEOUT: { message: "O job do Glue passou do tempo limite." },
  GLUE_JOB_STOPPED: { message: "A execução do job do Glue foi parada.", hint: "Rode a célula de novo." },
  GLUE_JOB_EXPIRED: {
    message: "A execução do job do Glue expirou esperando capacidade.",
    hint: "O Glue não teve capacidade a tempo: rode a célula mais tarde.",
  },
  GLUE_SETTINGS_INVALID: { message: "As configurações do job do Glue no target não são válidas." },
  GLUE_SCRIPT_UNREADABLE: { message: "Não foi possível ler o script PySpark do job." },
  CATALOG_NOT_PARTITIONED: { message: "A tabela do Glue não é particionada." },
  CATALOG_VIEW_READ_ONLY: {
    message: "A tabela é uma view do Athena; o Lakebook não grava views no Glue.",
    hint: "Mude a view com CREATE OR REPLACE VIEW numa célula SQL no Athena.",
  },

  // IAM and STS (who the notebook's identity is).
  IAM_NO_SUCH_ENTITY: { message: "O IAM não encontrou o usuário ou o papel da identidade em uso." },
  IAM_ERROR: { message: "O IAM recusou a chamada." },
  STS_REGION_DISABLED: { message: "O STS não está ativado nesta região para a conta." },
  STS_ERROR: { message: "Não foi possível saber quem é a identidade da AWS em uso." },

  // Lambda (the TMDB cell on AWS).
  LAMBDA_WAIT_TIMEOUT: { message: "A função {function} ainda não ficou pronta." },
  LAMBDA_FUNCTION_FAILED: { message: "A função {function} não pôde ser criada ou atualizada." },
  LAMBDA_PAYLOAD_TOO_LARGE: { message: "O pedido à função Lambda passa do limite de tamanho." },
  LAMBDA_ROLE_INVALID: { message: "O Lambda não aceitou o papel (role) da função {function}." },
  LAMBDA_RUNTIME_UNSUPPORTED: {
    message: "O Lambda não aceita mais esta versão do Node.js para código novo.",
  },
  LAMBDA_BUSY: {
    message: "A função {function} está sendo criada ou atualizada agora.",
    hint: "Tente de novo em um minuto.",
  },
  LAMBDA_CODE_STORAGE_FULL: { message: "O espaço de código do Lambda na conta está cheio." },
  LAMBDA_FUNCTION_NOT_FOUND: {
    message: "Não existe a função {function} nesta região.",
    hint: "Confira a região do target e o functionName nas configurações lambda da célula TMDB.",
  },
  LAMBDA_FAILED: { message: "O Lambda recusou a chamada para a função {function}." },

  // QuickSight (the publish cell).
  QUICKSIGHT_NO_ACCOUNT: { message: "Esta conta da AWS não tem assinatura do QuickSight." },
  QUICKSIGHT_USER_NOT_FOUND: { message: "O usuário do QuickSight não foi encontrado." },
  QUICKSIGHT_FAILED: { message: "O QuickSight recusou a chamada." },
  QUICKSIGHT_TIMEOUT: {
    message: "O QuickSight ainda está montando ou carregando um recurso.",
    hint: "Abra o QuickSight para ver quando fica pronto, ou publique de novo mais tarde: os ids continuam os mesmos.",
  },
  QUICKSIGHT_INGESTION_FAILED: { message: "O QuickSight não conseguiu carregar os dados do dataset." },
  QUICKSIGHT_CREATION_FAILED: { message: "O QuickSight não conseguiu montar um recurso do painel." },
  QUICKSIGHT_EDITION: { message: "Esta edição do QuickSight não oferece a operação." },
  QUICKSIGHT_INVALID: { message: "O QuickSight recusou o conteúdo do pedido." },
  QUICKSIGHT_NOT_FOUND: { message: "Algo de que o QuickSight precisa não existe." },
  QUICKSIGHT_CONFLICT: {
    message: "Outra mudança no mesmo recurso do QuickSight está em andamento.",
    hint: "Publique de novo em um minuto.",
  },
  QUICKSIGHT_LIMIT: { message: "Uma cota do QuickSight foi atingida." },
  QUICKSIGHT_IDENTITY_REGION: {
    message: "Os usuários do QuickSight ficam em outra região (a de identidade).",
  },

  // Secrets Manager (the TMDB credential of the Lambda).
  SECRET_NOT_TEXT: { message: "O segredo {secret} não guarda um valor de texto." },
  SECRET_NOT_FOUND: { message: "O segredo {secret} não existe no Secrets Manager." },
  SECRET_DECRYPTION_FAILED: { message: "O segredo {secret} não pôde ser decifrado (chave KMS)." },
  SECRET_SCHEDULED_FOR_DELETION: { message: "O segredo {secret} está marcado para ser apagado." },
  SECRETS_FAILED: { message: "O Secrets Manager recusou a chamada para o segredo {secret}." },
};
