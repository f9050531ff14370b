/**
 * Array helpers that hold for input-sized arrays. `target.push(...items)` and
 * `Math.max(...items)` pass every item as an argument, and an engine puts arguments on the stack:
 * V8 throws "Maximum call stack size exceeded" past roughly 100,000 of them (issue 14: 300,000
 * stream findings, 200,000 table rows). These loop instead.
 */

/** Appends every item to `target` in order; returns `target`. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/** The largest number, or `initial` for an empty list (as `Math.max(initial, ...values)`). */
export function maxOf(values: readonly number[], initial = -Infinity): number {
  let max = initial;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}
