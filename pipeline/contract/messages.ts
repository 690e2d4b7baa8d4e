import { z } from "zod";

/**
 * A message by code: what the pipeline says, as a stable `code` and the variable parts (`params`:
 * paths, counts, names), so the UI can say it in the user's language. The pipeline keeps the
 * English text beside it (the CLI prints that, and the UI falls back to it for a code it does not
 * know), written from the same template by `fillMessage`.
 */
export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof MessageParamsSchema>;

export const MessageSchema = z.object({
  code: z.string().min(1),
  params: MessageParamsSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * Fills a template: `{name}` is the param as given (a number formatted for `locale`);
 * `{name#word|words}` is the number and the word that agrees with it (`1 file`, `3 files`). A
 * param that is missing leaves its placeholder, so a gap shows instead of a wrong sentence.
 */
export function fillMessage(template: string, params: MessageParams | undefined, locale = "en-US"): string {
  if (!params) return template;
  const number = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 4 });
  return template.replace(
    /\{(\w+)(?:#([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, many?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      const shown = typeof value === "number" ? number(value) : value;
      if (one === undefined || many === undefined) return shown;
      return `${shown} ${Number(value) === 1 ? one : many}`;
    },
  );
}
