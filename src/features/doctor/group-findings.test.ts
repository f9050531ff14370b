import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../../core/model/anomaly';
import { countText, eventLabel, groupFindings } from './group-findings';

const finding = (exchangeIndex: number, severity: Anomaly['severity'], eventIndex?: number): Anomaly => ({
  kind: severity === 'error' ? 'invalid-json' : 'stopped-early',
  severity,
  exchangeIndex,
  eventIndex,
  message: `m${exchangeIndex}-${eventIndex ?? 'none'}`,
});

describe('groupFindings', () => {
  it('groups by interaction in order, errors first then by event', () => {
    const groups = groupFindings([
      finding(3, 'warning', 9),
      finding(1, 'warning'),
      finding(3, 'error', 12),
      finding(3, 'error', 4),
    ]);
    expect(groups.map((group) => group.exchangeIndex)).toEqual([1, 3]);
    expect(groups[1]?.findings.map((f) => f.eventIndex)).toEqual([4, 12, 9]);
    expect(groups[1]).toMatchObject({ errors: 2, warnings: 1 });
    expect(groups[0]).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('gives nothing for no findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('labels', () => {
  it('counts and names events', () => {
    expect(countText(1, 2)).toBe('1 error, 2 warnings');
    expect(countText(0, 1)).toBe('1 warning');
    expect(countText(0, 0)).toBe('no findings');
    expect(eventLabel(finding(0, 'error', 7))).toBe('event 7');
    expect(eventLabel(finding(0, 'error'))).toBeNull();
  });
});
