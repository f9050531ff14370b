/**
 * The arithmetic of a media clock, without timers: the position on the recorded timeline is
 * anchored at the last play/seek/rate change and advances at `rate` recorded ms per real ms.
 * The time source is injected (`performance.now` in the browser, a counter in tests), so the
 * player's one requestAnimationFrame loop only reads it, and tests never wait.
 */

export class PlaybackClock {
  private anchorPositionMs = 0;
  private anchorTimeMs = 0;
  private playingNow = false;
  private rateNow = 1;

  private readonly now: () => number;
  private endMs: number;

  constructor(now: () => number, endMs: number) {
    this.now = now;
    this.endMs = endMs;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  get rate(): number {
    return this.rateNow;
  }

  get durationMs(): number {
    return this.endMs;
  }

  /** Where the playhead is, in recorded ms, clamped to [0, end]. */
  position(): number {
    if (!this.playingNow) return this.anchorPositionMs;
    const moved = this.anchorPositionMs + (this.now() - this.anchorTimeMs) * this.rateNow;
    return Math.min(Math.max(0, moved), this.endMs);
  }

  /** True once a playing clock has reached the end (the player then pauses it). */
  atEnd(): boolean {
    return this.position() >= this.endMs;
  }

  /** Start from the current position; from the end, start over (as media players do). */
  play(): void {
    if (this.playingNow) return;
    if (this.anchorPositionMs >= this.endMs) this.anchorPositionMs = 0;
    this.anchorTimeMs = this.now();
    this.playingNow = true;
  }

  /** Freeze the playhead where it is now. */
  pause(): void {
    if (!this.playingNow) return;
    this.anchorPositionMs = this.position();
    this.playingNow = false;
  }

  seek(positionMs: number): void {
    const clamped = Number.isFinite(positionMs) ? Math.min(Math.max(0, positionMs), this.endMs) : 0;
    this.anchorPositionMs = clamped;
    this.anchorTimeMs = this.now();
  }

  /** Change speed without a jump: re-anchor at the current position first. */
  setRate(rate: number): void {
    if (!(rate > 0) || !Number.isFinite(rate)) return;
    this.anchorPositionMs = this.position();
    this.anchorTimeMs = this.now();
    this.rateNow = rate;
  }

  /** A new schedule (another interaction, another token rate) keeps the position when it can. */
  setEnd(endMs: number): void {
    this.anchorPositionMs = Math.min(this.position(), endMs);
    this.anchorTimeMs = this.now();
    this.endMs = endMs;
  }
}
