/**
 * Questions the player asks a schedule many times a second: how many events have arrived by t,
 * where the next and previous event are, where event i sits. All O(log n) by binary search over
 * the sorted `atMs`, so a 5,000-event stream costs a dozen comparisons per frame.
 */
import type { ReplaySchedule, ScheduledEvent } from './plan-replay';

/** How many events have arrived at or before `t` (the events are sorted by time). */
export function eventCountAt(schedule: ReplaySchedule, t: number): number {
  const events = schedule.events;
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((events[middle]?.atMs ?? Infinity) <= t) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** All events at or before `t`: what the client had received at that moment. */
export function eventsAt(schedule: ReplaySchedule, t: number): ScheduledEvent[] {
  return schedule.events.slice(0, eventCountAt(schedule, t));
}

/**
 * The time of the next event strictly after `t` (the → key), or the end when none is left.
 * Events that share an instant are passed together, since no position can tell them apart.
 */
export function nextEventTime(schedule: ReplaySchedule, t: number): number {
  const next = schedule.events[eventCountAt(schedule, t)];
  return next ? next.atMs : schedule.endMs;
}

/** The time of the event before the current one (the ← key), or 0 from the first event. */
export function previousEventTime(schedule: ReplaySchedule, t: number): number {
  const count = eventCountAt(schedule, t);
  if (count <= 1) return 0;
  const current = schedule.events[count - 1]?.atMs ?? 0;
  // Step back over every event sharing the current instant, to the one before them.
  let index = count - 2;
  while (index >= 0 && (schedule.events[index]?.atMs ?? 0) >= current) index -= 1;
  return index >= 0 ? (schedule.events[index]?.atMs ?? 0) : 0;
}

/**
 * When the event with StreamEvent.index `eventIndex` arrives, or null if the stream has no such
 * event. The stream doctor's "jump to event" uses this to build a replay position.
 */
export function eventTimeMs(schedule: ReplaySchedule, eventIndex: number): number | null {
  const event = schedule.events.find((candidate) => candidate.eventIndex === eventIndex);
  return event ? event.atMs : null;
}

/** The same schedule at another speed: every time is multiplied by oldSpeed / newSpeed. */
export function scaleSchedule(schedule: ReplaySchedule, speed: number): ReplaySchedule {
  if (!(speed > 0) || !Number.isFinite(speed)) return schedule;
  const factor = schedule.speed / speed;
  return {
    ...schedule,
    speed,
    latencyMs: schedule.latencyMs * factor,
    generationMs: schedule.generationMs * factor,
    endMs: schedule.endMs * factor,
    events: schedule.events.map((event) => ({ ...event, atMs: event.atMs * factor })),
  };
}
