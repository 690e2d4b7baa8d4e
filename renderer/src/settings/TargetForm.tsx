import { useRef, useState } from "react";
import type { AwsConnection } from "../../../pipeline/contract";
import { usePanelRequest } from "../commands/panel-requests";
import { useT } from "../i18n";
import { desktopApi } from "../service/desktop";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { fieldsOf, type TargetFields, type TargetProblem, targetFrom } from "./target-form";

type Check =
  | { kind: "idle" }
  | { kind: "testing" }
  | { kind: "connected"; connection: AwsConnection }
  | { kind: "failed"; code: string; message: string; hint?: string | undefined };

const TEXT_FIELDS = ["bucket", "region", "workgroup", "glueRole"] as const;

/**
 * Where the notebook runs, as a form: local or AWS (bucket, region, profile, workgroup, Glue role).
 * Saving writes the notebook's `target:` through the document model (so it is saved, journaled and
 * undoable like any edit), after the same checks the service reads it with. "Test connection" asks
 * the service who the profile is and whether the bucket answers in that region.
 */
export function TargetForm() {
  const t = useT();
  const wb = useWorkbench();
  const target = useStore(wb.doc, (s) => s.notebook.meta.target);
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<TargetFields>(() => fieldsOf(target));
  const [profiles, setProfiles] = useState<string[]>([]);
  const [problems, setProblems] = useState<TargetProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [check, setCheck] = useState<Check>({ kind: "idle" });
  const first = useRef<HTMLSelectElement>(null);

  const toggle = (next: boolean) => {
    setOpen(next);
    if (!next) return;
    // Opened: the form shows the notebook's target as it is now.
    setFields(fieldsOf(wb.doc.get().notebook.meta.target));
    setProblems([]);
    setSaved(false);
    client()
      .call("aws.profiles", {})
      .then((answer) => setProfiles(answer.profiles))
      .catch(() => setProfiles([]));
  };
  const client = () => wb.client;
  usePanelRequest("target", () => {
    toggle(true);
    setTimeout(() => first.current?.focus(), 0);
  });
  const set = (key: keyof TargetFields, value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const save = () => {
    const result = targetFrom(fields, wb.doc.get().notebook.meta.target);
    setProblems(result.problems);
    if (!result.target) return;
    wb.doc.dispatch({ type: "setMeta", key: "target", value: result.target });
    setSaved(true);
  };
  const test = async () => {
    setCheck({ kind: "testing" });
    try {
      const { bucket, region, profile } = fields;
      const params = { bucket: bucket.trim(), region: region.trim(), ...(profile ? { profile } : {}) };
      setCheck({ kind: "connected", connection: await wb.client.call("aws.testConnection", params) });
    } catch (error) {
      const { message, hint, code } = error as Error & { hint?: string; code?: string };
      setCheck({ kind: "failed", code: code ?? "ERROR", message, hint });
    }
  };
  const reopen = async () => {
    await wb.autosave.flush();
    await desktopApi(window)?.openNotebook(wb.path);
  };
  const problem = (key: keyof TargetFields) => problems.find((p) => p.field === key);
  const input = (key: keyof TargetFields) => (
    <div key={key} className="field">
      <label>
        {t(`target.${key}` as "target.bucket")}
        <input
          value={fields[key]}
          aria-invalid={problem(key) ? true : undefined}
          aria-describedby={problem(key) ? `target-problem-${key}` : undefined}
          onChange={(e) => set(key, e.target.value)}
        />
      </label>
      {/* Outside the label, so the field keeps its name while it says what is wrong. */}
      {problem(key) && (
        <span role="alert" id={`target-problem-${key}`} className="field-problem">
          {t(problem(key)?.expected ?? "target.fix.bucket")}
        </span>
      )}
    </div>
  );

  return (
    <details className="target-form" open={open} onToggle={(e) => toggle(e.currentTarget.open)}>
      <summary>{t("target.title")}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label>
          {t("target.kind")}
          <select ref={first} value={fields.kind} onChange={(e) => set("kind", e.target.value)}>
            <option value="local">{t("target.kind.local")}</option>
            <option value="aws">{t("target.kind.aws")}</option>
          </select>
        </label>
        {fields.kind === "local" ? (
          input("lake")
        ) : (
          <>
            {input("bucket")}
            {input("region")}
            <label>
              {t("target.profile")}
              <select value={fields.profile} onChange={(e) => set("profile", e.target.value)}>
                <option value="">{t("settings.awsDefaultChain")}</option>
                {[...new Set([...profiles, ...(fields.profile ? [fields.profile] : [])])].map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            {TEXT_FIELDS.slice(2).map(input)}
          </>
        )}
        <button type="submit">{t("target.save")}</button>
        {fields.kind === "aws" && (
          <button type="button" disabled={check.kind === "testing"} onClick={() => void test()}>
            {check.kind === "testing" ? t("target.testing") : t("target.test")}
          </button>
        )}
      </form>
      <output aria-live="polite">
        {saved && (
          <p data-target-saved="">
            {t("target.saved")}{" "}
            {desktopApi(window) && (
              <button type="button" onClick={() => void reopen()}>
                {t("target.reopen")}
              </button>
            )}
          </p>
        )}
        {check.kind === "connected" && (
          <p data-connection="ok">
            {t("target.connected", {
              account: check.connection.account,
              bucket: check.connection.bucket,
              region: check.connection.bucketRegion ?? check.connection.region ?? "",
            })}
          </p>
        )}
        {check.kind === "failed" && (
          <p role="alert" data-connection={check.code}>
            {check.message}
            {check.hint && <span className="hint"> {check.hint}</span>}
          </p>
        )}
      </output>
    </details>
  );
}
