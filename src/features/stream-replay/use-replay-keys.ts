/**
 * Keyboard of the player (issue 5): Space plays and pauses, ← and → step event by event.
 * Listening on the window while the Replay tab is mounted, so the keys work wherever focus is,
 * except where the key already means something: typing in a field, a focused button or link
 * (Space clicks it), a select (arrows change it).
 */
import { useEffect } from 'react';
import type { ReplayClockController } from './use-replay-clock';

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')) return true;
  return false;
}

export function useReplayKeys(
  controller: ReplayClockController,
  play: () => void,
  step: (direction: -1 | 1) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKey(event.target, event.key)) return;
      if (event.key === ' ') {
        if (controller.isPlaying()) controller.pause();
        else play();
      } else if (event.key === 'ArrowLeft') step(-1);
      else if (event.key === 'ArrowRight') step(1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller, play, step]);
}
