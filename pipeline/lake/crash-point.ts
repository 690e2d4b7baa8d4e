/**
 * A named moment at which the crash tests kill Lakebook (tests/integration/reliability/).
 *
 * Inert unless the variable `LAKEBOOK_TEST_CRASH_AT` names this point: then the process sends
 * itself SIGKILL here — no `finally`, no exit handler runs, exactly as a power cut or a killed
 * terminal would leave things. `point#N` kills at the Nth time the point is reached (1-based), so a
 * test can stop a run after its second file, not its first. Nothing sets the variable but a test.
 */
const CRASH_VARIABLE = "LAKEBOOK_TEST_CRASH_AT";

const reached = new Map<string, number>();

export function crashPoint(name: string): void {
  const wanted = process.env[CRASH_VARIABLE];
  if (wanted === undefined || wanted === "") return;
  const [point, nth = "1"] = wanted.split("#");
  if (point !== name) return;
  const count = (reached.get(name) ?? 0) + 1;
  reached.set(name, count);
  if (count === Number(nth)) process.kill(process.pid, "SIGKILL");
}
