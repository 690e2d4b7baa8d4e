import { useEffect, useState } from "react";
import { useT } from "../i18n";
import { announce } from "../state/announcer";
import "./copy-button.css";

/**
 * "Copy" with a specific accessible name ("Copy the SHA-256 of data/movies.csv"). The visible text
 * never changes (the name must keep containing it); "Copied" is announced and marked with a tick.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard?.writeText(text);
      setCopied(true);
      announce(t("copy.done"));
    } catch {
      // No clipboard permission: the text is on screen to select by hand.
    }
  };
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={label}
      data-copied={copied || undefined}
      onClick={() => void copy()}
    >
      {t("copy.label")}
    </button>
  );
}
