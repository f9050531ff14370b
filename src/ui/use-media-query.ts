/**
 * Whether a CSS media query matches, kept current (useSyncExternalStore over matchMedia's change
 * event, https://developer.mozilla.org/docs/Web/API/MediaQueryList/change_event), for layouts whose
 * behaviour, not only their style, depends on the width (the splitter's orientation and keys).
 */
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = globalThis.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => globalThis.matchMedia?.(query).matches ?? false,
    () => false,
  );
}
