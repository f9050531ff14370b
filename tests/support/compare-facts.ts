/**
 * Compares one inspect --json report with facts.json, field by field, and returns every mismatch
 * as data (not a thrown assertion), so one run lists everything that is still wrong.
 */
import { isDeepStrictEqual } from 'node:util';
import type { InspectInteraction, InspectReport } from '../../src/core/inspect/inspect-report';
import type { FactCorrection } from '../corpus/facts-corrections';
import { normalizeFactUsage, type FactFile, type FactInteraction } from './corpus-fixtures';

/** issue 3 checks the recording (HTTP) side; issue 4 the LLM reading. */
export type FieldGroup = 'http' | 'llm';

export interface Mismatch {
  file: string;
  /** facts.json format and api_family, for grouping the status summary. */
  format: string;
  apiFamily: string;
  interaction: number | null;
  field: string;
  group: FieldGroup;
  expected: unknown;
  actual: unknown;
  /** Set when the expected value comes from facts-corrections.ts. */
  corrected?: boolean;
}

interface FieldSpec {
  field: string;
  group: FieldGroup;
  expected: (fact: FactInteraction) => unknown;
  actual: (row: InspectInteraction) => unknown;
  equal?: (a: unknown, b: unknown) => boolean;
}

/** Same number up to float rounding: "1.004536333s" parsed and scaled may differ in the last bit. */
function sameMs(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
  return a === b;
}

export const FIELD_SPECS: FieldSpec[] = [
  { field: 'method', group: 'http', expected: (f) => f.method, actual: (r) => r.method },
  { field: 'url', group: 'http', expected: (f) => f.url, actual: (r) => r.url },
  { field: 'status', group: 'http', expected: (f) => f.status, actual: (r) => r.status },
  { field: 'is_sse', group: 'http', expected: (f) => f.is_sse, actual: (r) => r.is_sse },
  { field: 'stream_format', group: 'http', expected: (f) => f.stream_format, actual: (r) => r.stream_format },
  { field: 'stream_events', group: 'http', expected: (f) => f.stream_events, actual: (r) => r.stream_events },
  {
    field: 'duration_ms',
    group: 'http',
    expected: (f) => f.duration_ms,
    actual: (r) => r.duration_ms,
    equal: sameMs,
  },
  { field: 'api_family', group: 'llm', expected: (f) => f.api_family, actual: (r) => r.api_family },
  { field: 'tool_calls', group: 'llm', expected: (f) => f.tool_calls, actual: (r) => r.tool_calls },
  {
    field: 'server_tool_calls',
    group: 'llm',
    expected: (f) => f.server_tool_calls,
    actual: (r) => r.server_tool_calls,
  },
  { field: 'text', group: 'llm', expected: (f) => f.text, actual: (r) => r.text },
  { field: 'text_length', group: 'llm', expected: (f) => f.text_length, actual: (r) => r.text_length },
  {
    // Only presence: the exact wording of reasoning summaries depends on which parts count.
    field: 'reasoning_text',
    group: 'llm',
    expected: (f) => (f.reasoning_text === null ? 'absent' : 'present'),
    actual: (r) => (r.reasoning_text === null ? 'absent' : 'present'),
  },
  {
    // facts.json has `audio_transcript` only where the response has audio output.
    field: 'audio_transcript',
    group: 'llm',
    expected: (f) => f.audio_transcript ?? null,
    actual: (r) => r.audio_transcript,
  },
  {
    // facts.json has `images` only where it is above 0.
    field: 'images',
    group: 'llm',
    expected: (f) => f.images ?? 0,
    actual: (r) => r.images,
  },
  { field: 'finish_reason', group: 'llm', expected: (f) => f.finish_reason, actual: (r) => r.finish_reason },
  { field: 'usage', group: 'llm', expected: (f) => normalizeFactUsage(f.usage), actual: (r) => r.usage },
  {
    // facts.json has `error` only on error responses; elsewhere `stream_error` (an in-stream error).
    field: 'error',
    group: 'llm',
    expected: (f) => (Object.hasOwn(f, 'error') ? (f.error ?? null) : f.stream_error),
    actual: (r) => r.error,
  },
];

/** Corrections indexed by "file#interaction#field". */
export function indexCorrections(corrections: FactCorrection[]): Map<string, FactCorrection> {
  return new Map(corrections.map((c) => [`${c.file}#${c.interaction}#${c.field}`, c]));
}

function correctedExpected(
  spec: FieldSpec,
  fact: FactInteraction,
  correction: FactCorrection | undefined,
): unknown {
  if (!correction) return spec.expected(fact);
  if (spec.field === 'reasoning_text') return correction.value === null ? 'absent' : 'present';
  return correction.value;
}

export function compareWithFacts(
  file: string,
  report: InspectReport,
  facts: FactFile,
  corrections: Map<string, FactCorrection>,
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const base = { file, format: facts.format };
  const familyOf = (i: number): string => facts.interactions[i]?.api_family ?? 'other';
  if (report.format !== facts.format) {
    mismatches.push({
      ...base,
      apiFamily: familyOf(0),
      interaction: null,
      field: 'format',
      group: 'http',
      expected: facts.format,
      actual: report.format,
    });
  }
  if (report.interaction_count !== facts.interaction_count) {
    mismatches.push({
      ...base,
      apiFamily: familyOf(0),
      interaction: null,
      field: 'interaction_count',
      group: 'http',
      expected: facts.interaction_count,
      actual: report.interaction_count,
    });
  }
  for (const fact of facts.interactions) {
    const row = report.interactions[fact.index];
    if (!row) continue; // already reported as an interaction_count mismatch
    for (const spec of FIELD_SPECS) {
      const correction = corrections.get(`${file}#${fact.index}#${spec.field}`);
      const expected = correctedExpected(spec, fact, correction);
      const actual = spec.actual(row);
      const equal = spec.equal ? spec.equal(expected, actual) : isDeepStrictEqual(expected, actual);
      if (!equal) {
        mismatches.push({
          ...base,
          apiFamily: fact.api_family,
          interaction: fact.index,
          field: spec.field,
          group: spec.group,
          expected,
          actual,
          ...(correction ? { corrected: true } : {}),
        });
      }
    }
  }
  return mismatches;
}

/** Short JSON for messages: long texts are cut so a mismatch list stays readable. */
export function show(value: unknown, max = 120): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}

export function describeMismatch(m: Mismatch): string {
  const where = m.interaction === null ? '' : `#${m.interaction} `;
  return `${where}${m.field}: expected ${show(m.expected)}, got ${show(m.actual)}${m.corrected ? ' (expected value from facts-corrections.ts)' : ''}`;
}
