/**
 * A test hook: tests set a probe to count how often each cell component renders
 * (typing in one cell must re-render no other). Does nothing unless set.
 */
let probe: ((cellId: string) => void) | null = null;

export function setRenderProbe(next: ((cellId: string) => void) | null): void {
  probe = next;
}

export function reportRender(cellId: string): void {
  probe?.(cellId);
}
