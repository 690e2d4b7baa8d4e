import { z } from "zod";

/**
 * The TMDB credential kept for the user outside every notebook: in the OS keychain (the desktop
 * app) or in a user-only file in the user's config folder (the browser, `lakebook serve`), the way
 * the AWS CLI keeps its keys. The UI may set it and remove it; no method ever answers it back.
 */
export const TmdbCredentialKindSchema = z.enum(["readAccessToken", "apiKey"]);
export type TmdbCredentialKind = z.infer<typeof TmdbCredentialKindSchema>;

export const TmdbCredentialStatusSchema = z.object({
  /** Whether a credential is kept; never the credential itself. */
  stored: z.boolean(),
  /** Which kind is kept, when one is. */
  kind: TmdbCredentialKindSchema.optional(),
  /** Where it is kept: the OS keychain or the user-only file (`~/.config/lakebook/credentials`). */
  where: z.enum(["keychain", "userFile"]),
  /** An environment variable that is set wins over the kept credential; its name, never its value. */
  environment: z.enum(["TMDB_READ_ACCESS_TOKEN", "TMDB_API_KEY"]).optional(),
});
export type TmdbCredentialStatus = z.infer<typeof TmdbCredentialStatusSchema>;

/**
 * A TMDB token or key as pasted: printable ASCII without spaces (after trimming), so a pasted
 * paragraph is refused before it is stored. Zod's messages never repeat the value.
 */
const credentialValue = z
  .string()
  .trim()
  .min(1, "the token is empty")
  .max(2048, "the token is too long")
  .regex(/^[\x21-\x7e]+$/, "a TMDB token has no spaces or special characters");

/** The service methods, rows of the method table. */
export const tmdbCredentialMethods = {
  "tmdbCredential.status": { params: z.object({}), result: TmdbCredentialStatusSchema },
  "tmdbCredential.save": {
    params: z.object({ kind: TmdbCredentialKindSchema, value: credentialValue }),
    result: TmdbCredentialStatusSchema,
  },
  "tmdbCredential.remove": { params: z.object({}), result: TmdbCredentialStatusSchema },
};
