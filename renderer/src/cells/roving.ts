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

const VERTICAL_KEYS: Record<string, string> = {
  ArrowDown: "ArrowRight",
  ArrowUp: "ArrowLeft",
  Home: "Home",
  End: "End",
};

/**
 * A vertical list's keys (a menu, a list of choices): Up/Down step through `items`, wrapping;
 * Home/End go to the ends. Focuses the item and cancels the key's default; other keys pass.
 */
export function moveFocusInList(
  event: { key: string; target: unknown; preventDefault(): void },
  items: HTMLElement[],
) {
  const key = VERTICAL_KEYS[event.key];
  const next = key ? rovingIndex(key, items.indexOf(event.target as HTMLElement), items.length) : null;
  if (next === null) return;
  event.preventDefault();
  items[next]?.focus();
}
