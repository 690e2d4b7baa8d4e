import { useState } from "react";
import type { AwsIdentity } from "../../../pipeline/contract";
import { useT } from "../i18n";
import { useWorkbench } from "../state/workbench-context";
import { fieldsOf } from "./target-form";

type Check =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; identity: AwsIdentity }
  | { kind: "failed"; message: string; hint?: string | undefined };

/**
 * The AWS account picker: a profile of this machine (names only; keys never leave ~/.aws) and a
 * region, and "Who am I?", which asks STS and shows the account and ARN those credentials are.
 * The profiles are read when the section is first opened, not on every page load. Until the user
 * picks their own, the profile and region are the notebook's `target:` ones (an aws target).
 */
export function AwsAccount() {
  const t = useT();
  const { client, doc } = useWorkbench();
  const fromTarget = () => {
    const target = fieldsOf(doc.get().notebook.meta.target);
    return target.kind === "aws" ? target : { profile: "", region: "" };
  };
  const [profiles, setProfiles] = useState<string[] | null>(null);
  const [profile, setProfile] = useState(() => fromTarget().profile);
  const [region, setRegion] = useState(() => fromTarget().region);
  const [touched, setTouched] = useState(false);
  const [check, setCheck] = useState<Check>({ kind: "idle" });

  const loadProfiles = async (open: boolean) => {
    if (open && !touched) {
      // The target may have changed since the page loaded (the target form): follow it.
      setProfile(fromTarget().profile);
      setRegion(fromTarget().region);
    }
    if (!open || profiles) return;
    try {
      setProfiles((await client.call("aws.profiles", {})).profiles);
    } catch {
      setProfiles([]);
    }
  };
  const whoAmI = async () => {
    setCheck({ kind: "checking" });
    try {
      const params = { ...(profile ? { profile } : {}), ...(region.trim() ? { region: region.trim() } : {}) };
      setCheck({ kind: "done", identity: await client.call("aws.whoAmI", params) });
    } catch (error) {
      const { message, hint } = error as Error & { hint?: string };
      setCheck({ kind: "failed", message: message || String(error), hint });
    }
  };

  return (
    <details className="aws-account" onToggle={(e) => void loadProfiles(e.currentTarget.open)}>
      <summary>{t("settings.aws")}</summary>
      <label>
        {t("settings.awsProfile")}
        <select
          value={profile}
          onChange={(e) => {
            setTouched(true);
            setProfile(e.target.value);
          }}
        >
          <option value="">{t("settings.awsDefaultChain")}</option>
          {[...new Set([...(profiles ?? []), ...(profile ? [profile] : [])])].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("settings.awsRegion")}
        <input
          value={region}
          placeholder="eu-west-1"
          onChange={(e) => {
            setTouched(true);
            setRegion(e.target.value);
          }}
        />
      </label>
      <button type="button" disabled={check.kind === "checking"} onClick={() => void whoAmI()}>
        {t("settings.awsWhoAmI")}
      </button>
      <output aria-live="polite">
        {check.kind === "done" && (
          <dl>
            <dt>{t("settings.awsAccount")}</dt>
            <dd data-aws="account">{check.identity.account}</dd>
            <dt>ARN</dt>
            <dd data-aws="arn">{check.identity.arn}</dd>
          </dl>
        )}
        {check.kind === "failed" && (
          <p role="alert">
            {check.message}
            {check.hint && <span className="hint"> {check.hint}</span>}
          </p>
        )}
      </output>
    </details>
  );
}
