/**
 * A toolbar's arrow keys (WAI-ARIA toolbar pattern): Left/Right step to the previous/next control,
 * wrapping around; Home/End go to the first/last. Returns the index to focus, or null for other keys.
 */
export function rovingIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowRight":
      return (current + 1) % count;
    case "ArrowLeft":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
