/**
 * Keyboard movement in a data grid (https://www.w3.org/WAI/ARIA/apg/patterns/grid/, "Keyboard
 * interaction"): where a key moves the active row, clamped to the rows there are.
 */

export const GRID_PAGE_STEP = 10;

/** The row a key moves to from `current` (-1: none yet), or null when the key does not move. */
export function gridKeyTarget(
  key: string,
  current: number,
  count: number,
  extra: Readonly<Record<string, number>> = {},
): number | null {
  if (count === 0) return null;
  const targets: Record<string, number> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + GRID_PAGE_STEP,
    PageUp: current - GRID_PAGE_STEP,
    Home: 0,
    End: count - 1,
    ...extra,
  };
  const target = targets[key];
  if (target === undefined) return null;
  return Math.max(0, Math.min(count - 1, target));
}
