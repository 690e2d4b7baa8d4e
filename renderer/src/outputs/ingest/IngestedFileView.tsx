import type { ReactNode } from "react";
import type { IngestedFile } from "../../../../pipeline/contract";
import { formatBytes, rawKeyExplanation, useLocale, useT } from "../../i18n";
import { CopyButton } from "../CopyButton";
import { Boto3Script } from "./Boto3Script";
import { formatCount } from "./format";
import { PreviewTable } from "./PreviewTable";
import { ProfileTable } from "./ProfileTable";
import { WarningsSection } from "./WarningsSection";

/** One ingested file: where it landed and why there, what it holds, what was odd, and the boto3 way. */
export function IngestedFileView({ file }: { file: IngestedFile }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="ingest-file" data-key={file.key}>
      <h3 className="ingest-file-title">
        <code>{file.file}</code>
        <span>{t(`ingest.dataset.${file.dataset}`)}</span>
        {file.alreadyIngested && <span className="ingest-badge">{t("ingest.alreadyIngested")}</span>}
      </h3>
      {file.alreadyIngested && <p className="ingest-note">{t("ingest.alreadyIngestedNote")}</p>}
      <dl className="ingest-facts">
        <Fact term={t("ingest.key")}>
          <code className="ingest-key">{file.key}</code>
          <p className="ingest-path-explanation">
            {rawKeyExplanation(locale, file.key, file.pathExplanation)}
          </p>
        </Fact>
        <Fact term={t("ingest.size")}>
          {t("ingest.sizeBytes", {
            size: formatBytes(locale, file.bytes),
            bytes: formatCount(locale, file.bytes),
          })}
        </Fact>
        <Fact term={t("ingest.rows")}>
          <span className="ingest-rows">{formatCount(locale, file.rows)}</span>
        </Fact>
        <Fact term={t("ingest.sha256")}>
          <code className="ingest-sha">{file.sha256}</code>{" "}
          <CopyButton text={file.sha256} label={t("ingest.copySha", { file: file.file })} />
        </Fact>
        {file.table && (
          <Fact term={t("ingest.table")}>
            <code>{file.table}</code>
          </Fact>
        )}
        <Fact term={t("ingest.verified")}>{file.verified}</Fact>
      </dl>
      <WarningsSection file={file} />
      <details className="ingest-section">
        <summary>{t("ingest.preview", { count: formatCount(locale, file.preview.rows.length) })}</summary>
        <PreviewTable file={file} />
      </details>
      <details className="ingest-section">
        <summary>{t("ingest.profile", { count: formatCount(locale, file.columns.length) })}</summary>
        <ProfileTable file={file} />
      </details>
      <Boto3Script file={file} />
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
