import type { ReactNode } from "react";
import { useWorkbench } from "../state/workbench-context";
import { runCommand } from "./notebook-commands";

/**
 * A cell's own button for a registered command (Run, Stop, Edit, Move, Duplicate, Delete, the
 * queue's ✕): it runs the command on its cell. Whether it is enabled comes from its owner, which
 * already knows the cell's status and place: 200 cells × 6 buttons watching every store would
 * cost each keystroke more than the check is worth.
 */
export function CellCommandButton({
  command,
  cellId,
  label,
  className,
  disabled,
  children,
}: {
  command: string;
  cellId: string;
  /** The button's name, e.g. "Run load": unique per cell, so it never collides with the toolbar's. */
  label: string;
  className?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  const wb = useWorkbench();
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={() => runCommand(wb, command, cellId)}
    >
      {children}
    </button>
  );
}
