/**
 * `inspect --json` findings (docs/inspect-json.md): `anomalies` stays a list of sentences, as the
 * shared contract says, and `anomaly_details` gives the same findings, in the same order, as data
 * with the event index. Built from the founding cassette broken the way issue 7 describes.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeText,
  blockWhere,
  editStream,
  fixtureText,
  streamBlocks,
} from '../../../tests/support/broken-fixtures';
import { toInspectReport } from './inspect-report';

const SEED = fixtureText('seed/multi_tool_streaming_kimi-k2_together.yaml');

/**
 * The seed with, in interaction 1: event 5's JSON cut in half and finish_reason set to length;
 * and the request's second tool result pointing at a call that was never made.
 */
function brokenSeed(): { text: string; finishEvent: number } {
  let finishEvent = -1;
  const streams = editStream(SEED, 1, (blocks) => {
    blocks[5] = blocks[5]!.slice(0, 40);
    finishEvent = blockWhere(blocks, (b) => b.includes('"finish_reason":"stop"'), 'the stop chunk');
    blocks[finishEvent] = blocks[finishEvent]!.replace('"finish_reason":"stop"', '"finish_reason":"length"');
    return blocks;
  });
  const text = streams.replace(
    '"tool_call_id":"call_cy8aesbbkn1zfn97on2btvb3"',
    '"tool_call_id":"call_gone"',
  );
  expect(text).not.toBe(streams);
  return { text, finishEvent };
}

describe('inspect --json anomaly_details', () => {
  it('is [] beside anomalies: [] on a healthy cassette', () => {
    const report = toInspectReport(analyzeText(SEED), 'seed.yaml');
    for (const row of report.interactions) {
      expect(row.anomalies).toEqual([]);
      expect(row.anomaly_details).toEqual([]);
    }
  });

  it('gives kind, severity, event index and message for each finding, in the order of anomalies', () => {
    const { text, finishEvent } = brokenSeed();
    // The events of the seed's second stream have no comments between them: block = event.
    expect(streamBlocks(text, 1)[finishEvent]).toContain('"finish_reason":"length"');
    const report = toInspectReport(analyzeText(text), 'broken.yaml');
    const row = report.interactions[1]!;
    expect(row.anomaly_details).toEqual([
      {
        kind: 'invalid-json',
        severity: 'error',
        event_index: 5,
        message: expect.stringMatching(/^invalid JSON in event 5: /),
      },
      {
        kind: 'stopped-at-cap',
        severity: 'info',
        event_index: finishEvent,
        message: `stopped at max_tokens = 4000, as the request asked (finish reason "length" in event ${finishEvent})`,
      },
      {
        kind: 'unknown-tool-result',
        severity: 'warning',
        event_index: null,
        message: 'tool result call_gone answers no tool call in this cassette',
      },
    ]);
    // The sentences stay exactly what the contract lists, one per finding.
    expect(row.anomalies).toEqual(row.anomaly_details.map((d) => d.message));
    expect(report.interactions[0]!.anomaly_details).toEqual([]);
  });

  it('serializes "no event" as null, with the keys in the documented order', () => {
    const { text } = brokenSeed();
    const json = JSON.parse(JSON.stringify(toInspectReport(analyzeText(text), 'broken.yaml'))) as {
      interactions: { anomaly_details: Record<string, unknown>[] }[];
    };
    const details = json.interactions[1]!.anomaly_details;
    for (const detail of details)
      expect(Object.keys(detail)).toEqual(['kind', 'severity', 'event_index', 'message']);
    expect(details.at(-1)!.event_index).toBeNull();
  });
});
