import { useState } from "react";
import { runCommand } from "../commands/notebook-commands";
import { useT } from "../i18n";
import { announce } from "../state/announcer";
import { useWorkbench } from "../state/workbench-context";
import { Dialog } from "../ui/Dialog";
import { Icon } from "../ui/Icon";

/**
 * RAW is append-only but for a file ingested by mistake: this button removes that one file after a
 * confirmation that names it (the service refuses anything but a single RAW file), then the lake
 * and the catalog are read again.
 */
export function RemoveRawFile({ fileKey }: { fileKey: string }) {
  const t = useT();
  const wb = useWorkbench();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await wb.client.call("lake.removeRawFile", { key: fileKey });
      setAsking(false);
      announce(t("lake.removeFile.done", { file: fileKey }));
      runCommand(wb, "reloadCatalog");
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  };
  return (
    <>
      <button
        type="button"
        className="icon-button tree-remove"
        aria-label={t("lake.removeFile", { file: fileKey })}
        title={t("lake.removeFile", { file: fileKey })}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        <Icon name="delete" />
      </button>
      {asking && (
        <Dialog
          id="remove-raw-file"
          title={t("lake.removeFile.confirmTitle")}
          onClose={() => setAsking(false)}
        >
          <p>{t("lake.removeFile.confirm", { file: fileKey })}</p>
          {error && <p className="error-message">{error}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={() => setAsking(false)}>
              {t("lake.removeFile.cancel")}
            </button>
            <button type="button" className="danger" onClick={() => void remove()}>
              {t("lake.removeFile.ok")}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
