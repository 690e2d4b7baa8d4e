import { describe, expect, it } from "vitest";
import { parseProcessingDate, rawCsvKey } from "../../../../pipeline/lake";
import { explainRawKey } from "../../../../pipeline/stages/ingest/boto3-script";
import { rawKeyExplanation } from "../../../../renderer/src/i18n/messages-raw-key";

describe("the RAW key's explanation in pt-BR", () => {
  it("reads the key's parts back from the key the service explained", () => {
    const date = parseProcessingDate("2026-01-05");
    const key = rawCsvKey("series", date, "series.csv");
    const english = explainRawKey(key, "series", date, "series.csv");
    const pt = rawKeyExplanation("pt-BR", key, english);
    expect(pt).toContain(`${key} segue o padrão da RAW`);
    expect(pt).toContain("conjunto Series, data de processamento 2026/01/05");
    expect(pt).toContain("nome original do arquivo series.csv");
    expect(rawKeyExplanation("en", key, english)).toBe(english);
  });

  it("keeps the English for a key of another shape", () => {
    expect(rawKeyExplanation("pt-BR", "Raw/Local/CSV/Movies/2026/1/5/movies.csv", "as sent")).toBe("as sent");
  });
});
