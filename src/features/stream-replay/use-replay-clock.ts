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

/** 20 updates a second for the heavy views (see `slowPosition`). */
const SLOW_INTERVAL_MS = 50;

/** A clock that React components can subscribe to. */
export class ReplayClockController {
  private readonly clock: PlaybackClock;
  private readonly frameListeners = new Set<Listener>();
  private readonly statusListeners = new Set<Listener>();
  private frame: number | null = null;
  /**
   * The position as of the last notification. Subscribers read this, not the live clock:
   * useSyncExternalStore requires a snapshot that changes only when subscribers are told
   * (https://react.dev/reference/react/useSyncExternalStore#caveats); a live clock read twice in
   * one render differs, and React re-renders until "Maximum update depth exceeded".
   */
  private framePosition = 0;
  /**
   * The position sampled at most every SLOW_INTERVAL_MS while playing (at once when paused or
   * seeking). The growing message and the event table follow this one: text that grows 20 times
   * a second reads as smooth, and at 10× on 5,000 events it spares a markdown parse and a table
   * update on most frames, while the playhead and timecode still move every frame.
   */
  private slowPosition = 0;
  private slowSampledAt = -Infinity;
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

  readonly getPosition = (): number => this.framePosition;
  readonly getSlowPosition = (): number => this.slowPosition;
  /** The clock's position right now, between frames (for steps that start from it). */
  readonly livePosition = (): number => this.clock.position();
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
    this.framePosition = this.clock.position();
    const now = performance.now();
    if (!this.clock.playing || now - this.slowSampledAt >= SLOW_INTERVAL_MS || this.clock.atEnd()) {
      this.slowPosition = this.framePosition;
      this.slowSampledAt = now;
    }
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
 * A value derived from the position (e.g. the number of events arrived), sampled at most 20 times a
 * second while playing. The component re-renders only when the derived value changes
 * (useSyncExternalStore compares snapshots with Object.is).
 */
export function useSlowClockValue<T>(
  controller: ReplayClockController,
  select: (positionMs: number) => T,
): T {
  return useSyncExternalStore(controller.subscribe, () => select(controller.getSlowPosition()));
}

/** Run `paint` with the position on every frame and change, outside React rendering. */
export function useClockPaint(controller: ReplayClockController, paint: (positionMs: number) => void): void {
  useEffect(() => {
    paint(controller.getPosition());
    return controller.subscribe(() => paint(controller.getPosition()));
  }, [controller, paint]);
}
