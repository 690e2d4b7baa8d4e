import type { CatalogTable } from "../../../../pipeline/contract";

const FORMAT_NAMES: Record<CatalogTable["format"], string> = { parquet: "Parquet", csv: "CSV", json: "JSON" };

/** A file format as people write it: Parquet, CSV, JSON (the same in every language). */
export const formatName = (format: CatalogTable["format"]): string => FORMAT_NAMES[format];

/** A cost in US dollars, to the tenth of a cent a short Glue run costs: "$0.0147", "US$ 0,0147". */
export function formatUsd(locale: string, usd: number): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(usd);
}
