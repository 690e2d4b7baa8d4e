import type { TmdbOutput, TmdbSampleFile, TmdbSampleRecord } from "../../../../pipeline/contract";
import { formatNumber, type MessageKey, useLocale, useT } from "../../i18n";
import { recordHeading } from "./record-heading";

/** The first records of the first movies and series files, as RAW holds them; each one's JSON unfolds. */
export function SampleRecords({ output }: { output: TmdbOutput }) {
  const t = useT();
  if (output.samples.length === 0) {
    return output.files.length > 0 ? <p className="tmdb-note">{t("tmdb.noSample")}</p> : null;
  }
  return (
    <>
      {output.samples.map((file) => (
        <SampleFile key={file.key} file={file} />
      ))}
    </>
  );
}

function SampleFile({ file }: { file: TmdbSampleFile }) {
  const t = useT();
  const locale = useLocale();
  const name = file.key.slice(file.key.lastIndexOf("/") + 1);
  return (
    <details className="tmdb-section tmdb-sample" data-kind={file.kind} open>
      <summary>
        {t("tmdb.sample", {
          kind: t(`tmdb.kind.${file.kind}`),
          count: formatNumber(locale, file.sample.length),
          total: formatNumber(locale, file.records),
          file: name,
        })}
      </summary>
      <ul className="tmdb-records">
        {file.sample.map((sample, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: records keep their place in the file, and an IMDb id can be null for a discovered title
          <li key={index}>
            <SampleRecordView sample={sample} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function SampleRecordView({ sample }: { sample: TmdbSampleRecord }) {
  const t = useT();
  const locale = useLocale();
  const heading = recordHeading(sample.record);
  return (
    <details className="tmdb-record">
      <summary>
        <code>{heading.imdbId ?? "null"}</code> · {heading.title ?? t("tmdb.untitled")}
        {heading.year && ` (${heading.year})`}
        {heading.id !== undefined && (
          <span className="tmdb-record-id"> · {t("tmdb.recordId", { id: heading.id })}</span>
        )}
      </summary>
      <pre className="tmdb-json">
        <code>{JSON.stringify(sample.record, null, 2)}</code>
      </pre>
      {sample.cuts.length > 0 && (
        <div className="tmdb-cuts">
          <p>{t("tmdb.cutsNote")}</p>
          <ul>
            {sample.cuts.map((cut) => (
              <li key={cut.path}>
                {t(cutKey(cut), { path: cut.path, count: formatNumber(locale, cut.omitted) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}

function cutKey(cut: TmdbSampleRecord["cuts"][number]): MessageKey {
  if (cut.unit === "items") return cut.omitted === 1 ? "tmdb.cutItem" : "tmdb.cutItems";
  return cut.omitted === 1 ? "tmdb.cutCharacter" : "tmdb.cutCharacters";
}
