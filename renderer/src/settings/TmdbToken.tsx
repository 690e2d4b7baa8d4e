import { useRef, useState } from "react";
import type { TmdbCredentialKind, TmdbCredentialStatus } from "../../../pipeline/contract";
import { usePanelRequest } from "../commands/panel-requests";
import { useT } from "../i18n";
import { useWorkbench } from "../state/workbench-context";

type Note = { kind: "saved" | "removed" } | { kind: "failed"; message: string } | null;

/**
 * The TMDB token: typed here, kept by the service outside every notebook (the OS keychain in the
 * desktop app, a user-only file in the browser). The page never gets it back: it shows "set / not
 * set" and where, and forgets what was typed as soon as the service has it.
 */
export function TmdbToken() {
  const t = useT();
  const { client } = useWorkbench();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<TmdbCredentialStatus | null>(null);
  const [kind, setKind] = useState<TmdbCredentialKind>("readAccessToken");
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const field = useRef<HTMLInputElement>(null);

  const refresh = async () => {
    try {
      setStatus(await client.call("tmdbCredential.status", {}));
    } catch (error) {
      setNote({ kind: "failed", message: (error as Error).message });
    }
  };
  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) void refresh();
  };
  usePanelRequest("tmdbToken", () => {
    toggle(true);
    // After the section has opened: the field exists then.
    setTimeout(() => field.current?.focus(), 0);
  });
  const change = async (action: "save" | "remove") => {
    setBusy(true);
    setNote(null);
    try {
      const next =
        action === "save"
          ? await client.call("tmdbCredential.save", { kind, value })
          : await client.call("tmdbCredential.remove", {});
      setStatus(next);
      setNote({ kind: action === "save" ? "saved" : "removed" });
      setValue("");
    } catch (error) {
      const { message, hint } = error as Error & { hint?: string };
      setNote({ kind: "failed", message: hint ? `${message} ${hint}` : message });
    } finally {
      setBusy(false);
    }
  };

  const state = status?.stored ? t("tmdbToken.set") : t("tmdbToken.notSet");
  return (
    <details className="tmdb-token" open={open} onToggle={(e) => toggle(e.currentTarget.open)}>
      <summary>{t("tmdbToken.title")}</summary>
      <p role="status" data-tmdb-token={status ? (status.stored ? "set" : "not-set") : "unknown"}>
        {status ? t("tmdbToken.status", { state }) : "…"}
      </p>
      {status && <p className="hint">{t(`tmdbToken.where.${status.where}`)}</p>}
      {status?.environment && (
        <p className="hint">{t("tmdbToken.environment", { name: status.environment })}</p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim()) void change("save");
        }}
      >
        <label>
          {t("tmdbToken.kind")}
          <select value={kind} onChange={(e) => setKind(e.target.value as TmdbCredentialKind)}>
            <option value="readAccessToken">{t("tmdbToken.kind.readAccessToken")}</option>
            <option value="apiKey">{t("tmdbToken.kind.apiKey")}</option>
          </select>
        </label>
        <label>
          {t("tmdbToken.value")}
          <input
            ref={field}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <p className="hint">{t("tmdbToken.help")}</p>
        <button type="submit" disabled={busy || value.trim() === ""}>
          {busy ? t("tmdbToken.saving") : t("tmdbToken.save")}
        </button>
        {status?.stored && (
          <button type="button" disabled={busy} onClick={() => void change("remove")}>
            {t("tmdbToken.remove")}
          </button>
        )}
      </form>
      <output aria-live="polite">
        {note?.kind === "saved" && t("tmdbToken.saved")}
        {note?.kind === "removed" && t("tmdbToken.removed")}
        {note?.kind === "failed" && (
          <span role="alert">{t("tmdbToken.failed", { message: note.message })}</span>
        )}
      </output>
    </details>
  );
}
