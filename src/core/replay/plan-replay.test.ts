import { describe, expect, it } from 'vitest';
import type { StreamDelta } from '../model/conversation';
import type { RecordedTiming } from '../model/http';
import type { StreamEvent } from '../model/stream';
import { PlaybackClock } from './playback-clock';
import { planReplay, type ReplayInput } from './plan-replay';
import {
  eventCountAt,
  eventsAt,
  eventTimeMs,
  nextEventTime,
  previousEventTime,
  scaleSchedule,
} from './schedule-queries';
import { summarizeTiming } from './timing-summary';

/**
 * Seed interaction 0 (shared/cassettes/seed/multi_tool_streaming_kimi-k2_together.yaml), built by
 * hand from the file: 24 SSE events, 14 text chunks, two tool calls in fragments, finish, usage,
 * [DONE]; go-vcr duration 1.004536333s; usage 55 output tokens. The real pipeline version of this
 * test is in seed-replay.test.ts.
 */
const SEED_TEXT = [
  "I'll",
  ' add',
  ' and',
  ' multiply',
  ' the',
  ' numbers',
  ' ',
  '2',
  ' and',
  ' ',
  '3',
  ' for',
  ' you',
  '.',
  '',
];

function seedInteraction0(): ReplayInput {
  const events: StreamEvent[] = Array.from({ length: 24 }, (_, index) => ({
    index,
    event: null,
    id: null,
    data: index === 23 ? '[DONE]' : '{}',
  }));
  const deltas: StreamDelta[] = SEED_TEXT.map((text, eventIndex) => ({ kind: 'text', eventIndex, text }));
  deltas.push(
    { kind: 'tool-call-start', eventIndex: 15, key: '0', id: 'call_76fxfl1cntdf1l2yd3d5fkow', name: 'add' },
    { kind: 'tool-call-args', eventIndex: 16, key: '0', fragment: '{"a":2,' },
    { kind: 'tool-call-args', eventIndex: 17, key: '0', fragment: '"b":3}' },
    {
      kind: 'tool-call-start',
      eventIndex: 18,
      key: '1',
      id: 'call_cy8aesbbkn1zfn97on2btvb3',
      name: 'multiply',
    },
    { kind: 'tool-call-args', eventIndex: 19, key: '1', fragment: '{"a":2,' },
    { kind: 'tool-call-args', eventIndex: 20, key: '1', fragment: '"b":3}' },
    { kind: 'finish', eventIndex: 21, reason: 'tool_calls' },
    { kind: 'usage', eventIndex: 22, usage: { inputTokens: 218, outputTokens: 55, raw: null } },
  );
  return { events, deltas, timing: goVcrTiming(1004.536333), outputTokens: 55 };
}

function goVcrTiming(durationMs: number | null): RecordedTiming {
  return {
    durationMs,
    durationSource: durationMs === null ? null : 'go-vcr-duration',
    waitMs: null,
    receiveMs: null,
    startedAt: null,
    recordedAt: null,
  };
}

describe('planReplay on seed interaction 0', () => {
  const schedule = planReplay(seedInteraction0());

  it('puts the first event at the recorded latency, labelled recorded', () => {
    expect(schedule.latencyLabel).toBe('recorded');
    expect(schedule.events[0]?.atMs).toBeCloseTo(1004.536333, 6);
    expect(schedule.events).toHaveLength(24);
  });

  it('puts the last event at latency + 55 tokens at the default 50 tokens/s, labelled estimated', () => {
    expect(schedule.pacing).toBe('token-rate');
    expect(schedule.generationLabel).toBe('estimated');
    expect(schedule.generationMs).toBeCloseTo(1100, 6);
    expect(schedule.events.at(-1)?.atMs).toBeCloseTo(1004.536333 + 1100, 6);
    expect(schedule.endMs).toBeCloseTo(2104.536333, 6);
  });

  it('keeps events in order, each at its own instant, and colours them by kind', () => {
    for (let i = 1; i < schedule.events.length; i++) {
      expect(schedule.events[i]!.atMs).toBeGreaterThan(schedule.events[i - 1]!.atMs);
    }
    expect(schedule.events.map((event) => event.kind)).toEqual([
      ...Array(15).fill('text'),
      ...Array(6).fill('tool'),
      'other',
      'usage',
      'other',
    ]);
  });

  it('lets the user change the token rate', () => {
    const slower = planReplay(seedInteraction0(), { tokensPerSecond: 25 });
    expect(slower.generationMs).toBeCloseTo(2200, 6);
    expect(slower.events.at(-1)?.atMs).toBeCloseTo(1004.536333 + 2200, 6);
  });

  it('halves every offset at 2× speed, by option or by scaling', () => {
    const double = planReplay(seedInteraction0(), { speed: 2 });
    const scaled = scaleSchedule(schedule, 2);
    schedule.events.forEach((event, i) => {
      expect(double.events[i]!.atMs).toBeCloseTo(event.atMs / 2, 9);
      expect(scaled.events[i]!.atMs).toBeCloseTo(event.atMs / 2, 9);
    });
    expect(double.latencyMs).toBeCloseTo(schedule.latencyMs / 2, 9);
    expect(double.endMs).toBeCloseTo(schedule.endMs / 2, 9);
  });

  it('shows exactly the events at or before t when seeking', () => {
    const times = [0, 1004.5, 1004.536333, 1300, schedule.events[10]!.atMs, 2104.536333, 5000];
    for (const t of times) {
      const shown = eventsAt(schedule, t);
      const expected = schedule.events.filter((event) => event.atMs <= t);
      expect(shown.map((event) => event.position)).toEqual(expected.map((event) => event.position));
    }
    expect(eventCountAt(schedule, 1004.5)).toBe(0);
    expect(eventCountAt(schedule, 1004.536333)).toBe(1);
    expect(eventCountAt(schedule, 99999)).toBe(24);
  });

  it('steps event by event and finds an event by its index', () => {
    let t = 0;
    const visited: number[] = [];
    for (let step = 0; step < 24; step++) {
      t = nextEventTime(schedule, t);
      visited.push(eventCountAt(schedule, t));
    }
    expect(visited).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(nextEventTime(schedule, t)).toBe(schedule.endMs);
    expect(eventCountAt(schedule, previousEventTime(schedule, t))).toBe(23);
    expect(previousEventTime(schedule, schedule.events[0]!.atMs)).toBe(0);
    expect(eventTimeMs(schedule, 16)).toBe(schedule.events[16]!.atMs);
    expect(eventTimeMs(schedule, 99)).toBeNull();
  });

  it('summarizes latency, generation, event count and tokens per second', () => {
    const summary = summarizeTiming(schedule);
    expect(summary).toMatchObject({ latencyLabel: 'recorded', generationLabel: 'estimated', eventCount: 24 });
    expect(summary.tokensPerSecond).toBeCloseTo(50, 9);
    expect(summary.tokensPerSecondLabel).toBe('estimated');
  });
});

describe('a replay driven by an injected clock', () => {
  it('reveals events only as the clock passes them, at the chosen speed', () => {
    const schedule = planReplay(seedInteraction0());
    let now = 10_000;
    const clock = new PlaybackClock(() => now, schedule.endMs);
    clock.play();
    now += 1000;
    expect(eventCountAt(schedule, clock.position())).toBe(0);
    now += 10;
    expect(eventCountAt(schedule, clock.position())).toBe(1);
    clock.setRate(2);
    now += 550; // 1100 recorded ms at 2×: the whole generation
    expect(clock.position()).toBeCloseTo(schedule.endMs, 6);
    expect(eventCountAt(schedule, clock.position())).toBe(24);
    expect(clock.atEnd()).toBe(true);
  });

  it('holds still while paused and resumes where it stopped', () => {
    let now = 0;
    const clock = new PlaybackClock(() => now, 2000);
    clock.play();
    now = 400;
    clock.pause();
    now = 5000;
    expect(clock.position()).toBe(400);
    clock.play();
    now = 5100;
    expect(clock.position()).toBe(500);
    clock.seek(1500);
    now = 6000;
    expect(clock.position()).toBe(2000);
  });
});

describe('pacing sources', () => {
  it('uses the generation time Groq reported, spread over the output tokens, and says so', () => {
    const input = seedInteraction0();
    const schedule = planReplay({
      ...input,
      timing: goVcrTiming(303.752583),
      providerTiming: {
        source: 'groq x_groq.usage',
        queueMs: 201.2,
        promptMs: 27.1,
        generationMs: 103.231659,
      },
    });
    expect(schedule.pacing).toBe('provider-timing');
    expect(schedule.generationLabel).toBe('reported');
    expect(schedule.pacingOrigin).toContain('groq');
    expect(schedule.events[0]!.atMs).toBeCloseTo(303.752583, 6);
    expect(schedule.events.at(-1)!.atMs).toBeCloseTo(303.752583 + 103.231659, 6);
  });

  it('uses HAR receive time after wait, and per-event times above everything', () => {
    const input = seedInteraction0();
    const har: RecordedTiming = {
      ...goVcrTiming(null),
      durationMs: 900,
      durationSource: 'har-time',
      waitMs: 250,
      receiveMs: 600,
    };
    const fromHar = planReplay({ ...input, timing: har });
    expect(fromHar.pacing).toBe('har-receive');
    expect(fromHar.latencyMs).toBe(300);
    expect(fromHar.endMs).toBe(900);
    const times = input.events.map((_, i) => 100 + i * 10);
    const perEvent = planReplay({
      ...input,
      timing: har,
      eventTimesMs: times,
      providerTiming: { source: 'x', generationMs: 5 },
    });
    expect(perEvent.pacing).toBe('per-event-times');
    expect(perEvent.events.map((event) => event.atMs)).toEqual(times.map((t) => 300 + t - 100));
  });

  it('says "unknown" when the file records no time, and estimates tokens from text without usage', () => {
    const input = seedInteraction0();
    const schedule = planReplay({ ...input, timing: goVcrTiming(null), outputTokens: null });
    expect(schedule.latencyLabel).toBe('unknown');
    expect(schedule.latencyMs).toBe(0);
    expect(schedule.outputTokensLabel).toBe('estimated');
    expect(schedule.outputTokens).toBeGreaterThan(5);
    expect(schedule.events[0]!.atMs).toBe(0);
  });

  it('plans a response that was not streamed as one delivery at the end of the latency', () => {
    const schedule = planReplay({ events: [], deltas: [], timing: goVcrTiming(750) });
    expect(schedule.pacing).toBe('not-streamed');
    expect(schedule.events).toEqual([]);
    expect(schedule.endMs).toBe(750);
  });
});
