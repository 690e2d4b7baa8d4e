/** AWS Secrets Manager: store a secret (create, or a new value only when it changed) and read it back. */
export { putSecret, readSecret, type StoredSecret } from "./secret-value";
export { type SecretsErrorContext, secretsError } from "./secrets-errors";
