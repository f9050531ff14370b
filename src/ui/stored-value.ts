/**
 * A value remembered in localStorage (a splitter's share, a grid's column widths). Storage can be
 * disabled or full (privacy modes, quotas): reading then gives the fallback and writing does
 * nothing, and nothing else depends on it.
 */

export function readStored<T>(key: string, parse: (text: string) => T | null, fallback: T): T {
  try {
    const text = globalThis.localStorage?.getItem(key);
    if (text === null || text === undefined) return fallback;
    return parse(text) ?? fallback;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, text: string): void {
  try {
    globalThis.localStorage?.setItem(key, text);
  } catch {
    // Not remembered this time.
  }
}
