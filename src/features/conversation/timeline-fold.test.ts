import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../core/analyze';
import { loadCassette } from '../../core/cassette';
import { isLlmCall } from '../../core/llm-call';
import type { CassetteOverview } from '../../core/model/overview';
import { toCassetteOverview } from '../../core/summarize-exchange';
import { buildTimelineModel, type TimelineRow } from './timeline-model';

const CODY = 'tests/fixtures/corpus/polly/cody/defaultClient_631904893.recording.har';
const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';

function overviewOf(path: string): CassetteOverview {
  return toCassetteOverview(analyzeCassette(loadCassette(new Uint8Array(readFileSync(path)), path)));
}

/** Rows as a pattern: "[n]" a fold of n calls, "#k" the boundary of call k (1-based). */
function shape(rows: readonly TimelineRow[]): string[] {
  return rows.flatMap((row) => {
    if (row.kind === 'other-calls') return [`[${row.exchanges.length}]`];
    if (row.kind === 'item' && row.item.kind === 'boundary') return [`#${row.item.exchangeIndex + 1}`];
    return [];
  });
}

describe('buildTimelineModel: runs of other HTTP calls', () => {
  const cody = overviewOf(CODY);

  it("folds each run of Cody's GraphQL calls into one line, so the first completion comes second", () => {
    // Calls 23, 30, 32 and 35 are the completions (facts.json, url /.api/completions/stream).
    expect(cody.exchanges.flatMap((summary) => (isLlmCall(summary) ? [summary.index + 1] : []))).toEqual([
      23, 30, 32, 35,
    ]);
    const model = buildTimelineModel(cody);
    expect(shape(model.rows)).toEqual(['[22]', '#23', '[6]', '#30', '#31', '#32', '[2]', '#35']);
    // A folded call's row, and each of its items' rows, is the fold line.
    expect(model.rowByExchange.get(0)).toBe(0);
    expect(model.rowByExchange.get(21)).toBe(0);
    const foldedItem = cody.thread.items.findIndex((item) => item.exchangeIndex === 5);
    expect(model.rowByItem.get(foldedItem)).toBe(0);
  });

  it('shows an opened run whole', () => {
    const model = buildTimelineModel(cody, new Set([25]));
    expect(shape(model.rows)).toEqual([
      '[22]',
      '#23',
      ...[24, 25, 26, 27, 28, 29].map((n) => `#${n}`),
      '#30',
      '#31',
      '#32',
      '[2]',
      '#35',
    ]);
  });

  it('folds nothing in a file of LLM calls only', () => {
    const sample = overviewOf(SAMPLE);
    expect(buildTimelineModel(sample).rows.some((row) => row.kind === 'other-calls')).toBe(false);
  });
});
