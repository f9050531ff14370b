import { describe, expect, it } from 'vitest';
import type { InspectInteraction, InspectReport } from './inspect-report';
import { formatInspectTable } from './inspect-table';

function row(index: number): InspectInteraction {
  return {
    index,
    method: 'POST',
    url: 'https://api.openai.com/v1/chat/completions',
    status: 200,
    api_family: 'openai-chat',
    api: 'openai.chat-completions',
    model: index === 7 ? 'a-much-longer-model-name' : 'gpt-4o-mini',
    is_sse: false,
    stream_format: null,
    stream_events: null,
    tool_calls: [],
    server_tool_calls: [],
    text: 'ok',
    text_length: 2,
    reasoning_text: null,
    audio_transcript: null,
    images: 0,
    finish_reason: 'stop',
    usage: null,
    duration_ms: null,
    error: null,
    anomalies: [],
    anomaly_details: [],
  };
}

describe('formatInspectTable', () => {
  it('renders 200,000 rows (column widths without Math.max(...cells), issue 14)', () => {
    const interactions = Array.from({ length: 200_000 }, (_, i) => row(i));
    const report: InspectReport = {
      file: 'big.yaml',
      format: 'go-vcr-v2',
      interaction_count: interactions.length,
      warnings: [],
      interactions,
    };
    const lines = formatInspectTable(report).split('\n');
    expect(lines[0]).toBe('big.yaml  go-vcr-v2  200000 interactions');
    // Header, then one line per row, all as wide as the widest model cell.
    const header = lines[2]!;
    expect(header).toMatch(/model {2,}/);
    expect(lines.filter((line) => line.includes('gpt-4o-mini'))).toHaveLength(199_999);
    expect(lines[3 + 7]).toContain('a-much-longer-model-name');
  });
});
