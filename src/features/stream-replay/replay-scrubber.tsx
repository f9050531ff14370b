/**
 * The scrubber: the latency phase, one tick per event coloured by kind, and the playhead.
 *
 * Ticks are drawn once on a <canvas> (redrawn only on resize or a new schedule): 5,000 DOM ticks
 * would cost layout on every frame, a canvas costs nothing after it is drawn. The playhead and the
 * progress fill move with `transform` written straight to the DOM on each clock frame, in
 * percentages so nothing is measured per frame: the browser composites them without layout or a
 * React render.
 * It is an ARIA slider (https://www.w3.org/WAI/ARIA/apg/patterns/slider/): ← → step by event
 * (handled by the player), Home and End jump; a pointer drag seeks.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ReplaySchedule } from '../../core/replay';
import { formatTimecode } from './replay-format';
import { useClockPaint, type ReplayClockController } from './use-replay-clock';

export interface ReplayScrubberProps {
  schedule: ReplaySchedule;
  controller: ReplayClockController;
}

/** CSS variables that colour the ticks (stream-replay.css), so light and dark themes both apply. */
const KIND_VARIABLES = {
  text: '--rp-kind-text',
  tool: '--rp-kind-tool',
  reasoning: '--rp-kind-reasoning',
  usage: '--rp-kind-usage',
  error: '--rp-kind-error',
  other: '--rp-kind-other',
} as const;

function drawTicks(canvas: HTMLCanvasElement, schedule: ReplaySchedule, width: number, height: number): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  const style = getComputedStyle(canvas);
  const end = schedule.endMs > 0 ? schedule.endMs : 1;
  const latencyWidth = (schedule.latencyMs / end) * width;
  context.fillStyle = style.getPropertyValue('--rp-latency').trim() || 'rgba(127,127,127,0.25)';
  context.fillRect(0, height * 0.35, latencyWidth, height * 0.3);
  // Errors last, so a red tick is never hidden under its neighbours.
  const order = [...schedule.events].sort((a, b) => Number(a.kind === 'error') - Number(b.kind === 'error'));
  const colours = new Map<string, string>();
  for (const [kind, variable] of Object.entries(KIND_VARIABLES)) {
    colours.set(kind, style.getPropertyValue(variable).trim() || '#888');
  }
  const tickWidth = Math.max(1, Math.min(3, width / Math.max(1, schedule.events.length)));
  for (const event of order) {
    context.fillStyle = colours.get(event.kind) ?? '#888';
    const x = Math.min(width - tickWidth, (event.atMs / end) * width);
    const tall = event.kind === 'error' || event.kind === 'tool';
    context.fillRect(x, tall ? 2 : height * 0.2, tickWidth, tall ? height - 4 : height * 0.6);
  }
}

export function ReplayScrubber({ schedule, controller }: ReplayScrubberProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const playheadRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [dark, setDark] = useState(false);

  useEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(track);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => setDark(scheme.matches);
    scheme.addEventListener('change', onScheme);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', onScheme);
    };
  }, []);

  useEffect(() => {
    if (canvasRef.current && size.width > 0) drawTicks(canvasRef.current, schedule, size.width, size.height);
  }, [schedule, size, dark]);

  const ariaPosition = useRef(-Infinity);
  const paint = useCallback(
    (position: number) => {
      const fraction = schedule.endMs > 0 ? Math.min(1, position / schedule.endMs) : 0;
      // Percentages of the rail's own (full) width: no layout read per frame. Reading
      // clientWidth here forced a synchronous layout on every frame and dominated the profile.
      if (playheadRef.current) playheadRef.current.style.transform = `translateX(${fraction * 100}%)`;
      if (fillRef.current) fillRef.current.style.transform = `scaleX(${fraction})`;
      const track = trackRef.current;
      // Screen readers need the value at rest, not 60 times a second.
      if (track && (Math.abs(position - ariaPosition.current) >= 250 || !controller.isPlaying())) {
        ariaPosition.current = position;
        track.setAttribute('aria-valuenow', String(Math.round(position)));
        track.setAttribute('aria-valuetext', formatTimecode(position));
      }
    },
    [schedule, controller],
  );
  useClockPaint(controller, paint);
  useEffect(() => paint(controller.getPosition()), [paint, controller, size]);

  const positionAt = (clientX: number): number => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width)) * schedule.endMs;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    controller.seek(positionAt(event.clientX), false);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      controller.seek(positionAt(event.clientX), false);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    controller.seek(positionAt(event.clientX));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Home') controller.seek(0);
    else if (event.key === 'End') controller.seek(schedule.endMs);
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={trackRef}
      className="rp-scrubber"
      role="slider"
      tabIndex={0}
      aria-label="Replay position"
      aria-valuemin={0}
      aria-valuemax={Math.round(schedule.endMs)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    >
      <div ref={fillRef} className="rp-scrubber-fill" aria-hidden="true" />
      <canvas ref={canvasRef} className="rp-scrubber-ticks" aria-hidden="true" />
      <div ref={playheadRef} className="rp-playhead-rail" aria-hidden="true">
        <div className="rp-playhead" />
      </div>
    </div>
  );
}
