import { announcer } from "../state/announcer";
import { useStore } from "../state/store";

/** Status changes for screen readers (cell finished, rows copied…), polite and off-screen. */
export function LiveRegion() {
  const { text, n } = useStore(announcer, (s) => s);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">
      <span key={n}>{text}</span>
    </div>
  );
}
