/**
 * The player's clock: the only place with requestAnimationFrame
 * (https://html.spec.whatwg.org/multipage/imagebitmap-and-animations.html#animation-frames).
 *
 * Smoothness (issue 5: p95 frame ≤ 16.7 ms on 5,000 events) comes from what does NOT happen per
 * frame: React state is not set per frame. Each frame only notifies subscribers; the timecode and
 * the playhead write to the DOM directly, and views that depend on the event count subscribe
 * through useSyncExternalStore with a snapshot that changes only when an event arrives.
 * Pause is synchronous: the clock freezes at the moment of the click, and the loop stops.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { PlaybackClock } from '../../core/replay/playback-clock';

type Listener = () => void;

/** A clock that React components can subscribe to. */
export class ReplayClockController {
  private readonly clock: PlaybackClock;
  private readonly frameListeners = new Set<Listener>();
  private readonly statusListeners = new Set<Listener>();
  private frame: number | null = null;
  /** Told where the playhead came to rest: pause, end, seek, step. Not called per frame. */
  onRest: (positionMs: number) => void = () => {};

  constructor(endMs: number) {
    this.clock = new PlaybackClock(() => performance.now(), endMs);
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  };

  readonly subscribeStatus = (listener: Listener): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  readonly getPosition = (): number => this.clock.position();
  readonly isPlaying = (): boolean => this.clock.playing;

  get endMs(): number {
    return this.clock.durationMs;
  }

  play(): void {
    if (this.clock.playing) return;
    this.clock.play();
    this.emitStatus();
    this.emitFrame();
    this.loop();
  }

  /** Freeze now; `rest` reports the position (false when a step or seek follows at once). */
  pause(rest = true): void {
    if (!this.clock.playing) return;
    this.clock.pause();
    this.stopLoop();
    this.emitStatus();
    this.emitFrame();
    if (rest) this.onRest(this.clock.position());
  }

  toggle(): void {
    if (this.clock.playing) this.pause();
    else this.play();
  }

  /** Move the playhead; `rest` reports it as a resting point (false while dragging). */
  seek(positionMs: number, rest = true): void {
    this.clock.seek(positionMs);
    this.emitFrame();
    if (rest) this.onRest(this.clock.position());
  }

  setRate(rate: number): void {
    this.clock.setRate(rate);
  }

  setEnd(endMs: number): void {
    if (endMs === this.clock.durationMs) return;
    this.clock.setEnd(endMs);
    this.emitFrame();
  }

  dispose(): void {
    this.stopLoop();
    this.clock.pause();
  }

  private loop = (): void => {
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      if (!this.clock.playing) return;
      if (this.clock.atEnd()) {
        this.pause();
        return;
      }
      this.emitFrame();
      this.loop();
    });
  };

  private stopLoop(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private emitFrame(): void {
    for (const listener of this.frameListeners) listener();
  }

  private emitStatus(): void {
    for (const listener of this.statusListeners) listener();
  }
}

/** One controller for the player's lifetime; `endMs` follows the schedule. */
export function useReplayClock(endMs: number, onRest: (positionMs: number) => void): ReplayClockController {
  const [controller] = useState(() => new ReplayClockController(endMs));
  useEffect(() => {
    controller.setEnd(endMs);
  }, [controller, endMs]);
  useEffect(() => {
    controller.onRest = onRest;
  }, [controller, onRest]);
  useEffect(() => () => controller.dispose(), [controller]);
  return controller;
}

/** True while playing; re-renders only on play/pause, never per frame. */
export function useIsPlaying(controller: ReplayClockController): boolean {
  return useSyncExternalStore(controller.subscribeStatus, controller.isPlaying);
}

/**
 * A value derived from the position, e.g. the number of events arrived. The component re-renders
 * only when the derived value changes (useSyncExternalStore compares snapshots with Object.is).
 */
export function useClockValue<T>(controller: ReplayClockController, select: (positionMs: number) => T): T {
  return useSyncExternalStore(controller.subscribe, () => select(controller.getPosition()));
}

/** Run `paint` with the position on every frame and change, outside React rendering. */
export function useClockPaint(controller: ReplayClockController, paint: (positionMs: number) => void): void {
  useEffect(() => {
    paint(controller.getPosition());
    return controller.subscribe(() => paint(controller.getPosition()));
  }, [controller, paint]);
}
