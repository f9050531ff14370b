/**
 * Transport icons as inline SVG: Unicode media symbols (⏮ ▶︎ ❚❚) are missing from many system
 * fonts and render as boxes. Decorative only; each button carries its own accessible name.
 */
export type ReplayIconName = 'play' | 'pause' | 'restart' | 'previous' | 'next';

const PATHS: Record<ReplayIconName, string> = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  restart: 'M2.5 2.5h2v11h-2zM13.5 2.5v11L5.5 8z',
  previous: 'M11.5 2.5v11L4 8z',
  next: 'M4.5 2.5v11L12 8z',
};

export function ReplayIcon({ name }: { name: ReplayIconName }) {
  return (
    <svg className="rp-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
